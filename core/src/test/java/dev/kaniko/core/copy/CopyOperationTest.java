package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker's COPY file rules on real directories. */
class CopyOperationTest {
  @TempDir Path tmp;
  Path context;
  Path rootfs;

  @BeforeEach
  void setUp() throws Exception {
    context = Files.createDirectories(tmp.resolve("ctx"));
    rootfs = Files.createDirectories(tmp.resolve("rootfs"));
    write("a.txt", "a");
    write("b.log", "b");
    write("dir/x.txt", "x");
    write("dir/sub/y.txt", "y");
  }

  private void write(String path, String content) throws Exception {
    Path p = context.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private List<String> copy(String dest, String... sources) throws Exception {
    return new CopyOperation(context, "the build context", rootfs)
        .copy(List.of(sources), dest, Optional.of(Ownership.ROOT), Optional.empty());
  }

  @Test
  void file_toPathWithoutSlash_isRenamed() throws Exception {
    assertThat(copy("/opt/renamed", "a.txt")).containsExactly("opt", "opt/renamed");
    assertThat(rootfs.resolve("opt/renamed")).hasContent("a");
  }

  @Test
  void file_toTrailingSlashOrExistingDir_keepsItsName() throws Exception {
    copy("/opt/", "a.txt");
    Files.createDirectories(rootfs.resolve("existing"));
    copy("/existing", "b.log");
    assertThat(rootfs.resolve("opt/a.txt")).hasContent("a");
    assertThat(rootfs.resolve("existing/b.log")).hasContent("b");
  }

  @Test
  void directory_copiesItsContentsNotItself() throws Exception {
    List<String> added = copy("/d", "dir");
    assertThat(rootfs.resolve("d/x.txt")).hasContent("x");
    assertThat(rootfs.resolve("d/sub/y.txt")).hasContent("y");
    assertThat(rootfs.resolve("d/dir")).doesNotExist();
    assertThat(added).containsExactlyInAnyOrder("d", "d/x.txt", "d/sub", "d/sub/y.txt");
  }

  @Test
  void wildcards_matchLikeGoFilepathMatch() throws Exception {
    copy("/w/", "*.txt", "?.l[a-o]g", "dir/*/y.txt");
    try (var files = Files.list(rootfs.resolve("w"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.txt", "b.log", "y.txt");
    }
  }

  @Test
  void severalSources_needADirectoryDestination() {
    assertThatThrownBy(() -> copy("/file", "a.txt", "b.log"))
        .isInstanceOf(CopyException.class).hasMessageContaining("must be a directory");
  }

  @Test
  void symlinkInTheContext_isFollowedInsideTheContextOnly() throws Exception {
    Files.createSymbolicLink(context.resolve("escape"), Path.of("/etc"));
    Files.createSymbolicLink(context.resolve("dir/link"), Path.of("../a.txt"));
    assertThatThrownBy(() -> copy("/e/", "escape/passwd"))
        .isInstanceOf(CopyException.class).hasMessage("source escape/passwd not found in the build context");
    copy("/l", "dir/link");
    assertThat(Files.isSymbolicLink(rootfs.resolve("l"))).isFalse();
    assertThat(rootfs.resolve("l")).hasContent("a");
    copy("/tree", "dir");
    assertThat(Files.readSymbolicLink(rootfs.resolve("tree/link"))).isEqualTo(Path.of("../a.txt"));
  }

  @Test
  void destinationSymlink_isResolvedInsideTheRootfs() throws Exception {
    Files.createSymbolicLink(rootfs.resolve("out"), Path.of("/../../inside"));
    copy("/out/", "a.txt");
    assertThat(rootfs.resolve("inside/a.txt")).hasContent("a");
    assertThat(tmp.resolve("inside")).doesNotExist();
  }

  @Test
  void ownershipAndMode_applyToFilesAndCreatedDirectories() throws Exception {
    new CopyOperation(context, "ctx", rootfs).copy(List.of("dir"), "/p/q",
        Optional.of(new Ownership(7, 8)), Optional.of(FileMode.parse("0604")));
    for (String p : List.of("p", "p/q", "p/q/x.txt", "p/q/sub")) {
      assertThat(Files.getAttribute(rootfs.resolve(p), "unix:uid", LinkOption.NOFOLLOW_LINKS))
          .as(p).isEqualTo(7);
    }
    assertThat((Integer) Files.getAttribute(rootfs.resolve("p/q/x.txt"), "unix:mode") & 07777)
        .isEqualTo(0604);
    assertThat((Integer) Files.getAttribute(rootfs.resolve("p"), "unix:mode") & 07777)
        .isEqualTo(0755);
  }

  @Test
  void fileOverDirectory_isRefused() throws Exception {
    Files.createDirectories(rootfs.resolve("taken/a.txt"));
    assertThatThrownBy(() -> copy("/taken/", "a.txt"))
        .hasMessageContaining("cannot overwrite directory /taken/a.txt");
  }

  @Test
  void symbolicChmod_appliesToDirectoriesAsToFiles() throws Exception {
    new CopyOperation(context, "ctx", rootfs).copy(List.of("dir"), "/p/q",
        Optional.of(Ownership.ROOT), Optional.of(FileMode.parse("u=rwX,g=rX,o=")));
    assertThat((Integer) Files.getAttribute(rootfs.resolve("p/q/x.txt"), "unix:mode") & 07777)
        .isEqualTo(0640);
    assertThat((Integer) Files.getAttribute(rootfs.resolve("p/q/sub"), "unix:mode") & 07777)
        .isEqualTo(0750);
    assertThat((Integer) Files.getAttribute(rootfs.resolve("p/q"), "unix:mode") & 07777)
        .isEqualTo(0750);
  }
}
