package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY --exclude, --parents and --link (BuildKit's dockerfile 1.7+ semantics) on real directories. */
class CopyExcludeParentsTest {
  @TempDir Path tmp;
  Path context;
  Path rootfs;

  @BeforeEach
  void setUp() throws Exception {
    context = Files.createDirectories(tmp.resolve("ctx"));
    rootfs = Files.createDirectories(tmp.resolve("rootfs"));
    for (String f : List.of("home.txt", "home.md", "homer.bin", "other.txt", "x/a.txt",
        "y/a.txt", "src/a.txt", "src/x/b.txt", "src/x/y/c.txt", "src/x/y/d.md", "src/keep.log",
        "src/x/skip.log", "src/tmp/t.txt", "a/b/c/f.txt")) {
      Path p = context.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f);
    }
  }

  private CopyOperation op() {
    return new CopyOperation(context, "the build context", rootfs);
  }

  private List<String> tree() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(rootfs)) {
      walk.filter(Files::isRegularFile).forEach(p -> files.add(rootfs.relativize(p).toString()));
    }
    return files;
  }

  private void copy(CopyOperation op, String dest, String... sources) throws Exception {
    op.copy(List.of(sources), dest, Optional.of(Ownership.ROOT), Optional.empty());
  }

  @Test
  void exclude_skipsMatchingWildcardSources() throws Exception {
    copy(op().withExcludes(List.of("*.txt", "*.md")), "/mydir/", "hom*");
    assertThat(tree()).containsExactly("mydir/homer.bin");
  }

  @Test
  void exclude_matchesPathsRelativeToADirectorySource_withDoubleStarAndDirectories()
      throws Exception {
    copy(op().withExcludes(List.of("**/*.log", "tmp", "x/y/*.md")), "/out/", "src");
    assertThat(tree()).containsExactlyInAnyOrder("out/a.txt", "out/x/b.txt", "out/x/y/c.txt");
  }

  @Test
  void exclude_skipsDirectoriesAWildcardMatched() throws Exception {
    copy(op().withExcludes(List.of("tmp", "x")), "/out/", "src/*");
    assertThat(tree()).containsExactlyInAnyOrder("out/a.txt", "out/keep.log");
  }

  @Test
  void exclude_exceptionReincludes() throws Exception {
    copy(op().withExcludes(List.of("**/*.log", "!keep.log")), "/out/", "src");
    assertThat(tree()).contains("out/keep.log").doesNotContain("out/x/skip.log");
  }

  @Test
  void parents_keepEachSourcesPathUnderTheDestination() throws Exception {
    copy(op().withParents(true), "/parents/", "./x/a.txt", "./y/a.txt");
    assertThat(tree()).containsExactlyInAnyOrder("parents/x/a.txt", "parents/y/a.txt");
  }

  @Test
  void parents_withDoubleStarWildcard_matchesAnyDepth() throws Exception {
    copy(op().withParents(true), "/parents/", "./src/**/*.txt");
    assertThat(tree()).containsExactlyInAnyOrder("parents/src/a.txt", "parents/src/x/b.txt",
        "parents/src/x/y/c.txt", "parents/src/tmp/t.txt");
  }

  @Test
  void parents_pivotKeepsOnlyThePartAfterIt() throws Exception {
    copy(op().withParents(true), "/p", "a/./b/c/f.txt", "./src/./x/y");
    assertThat(tree()).containsExactlyInAnyOrder("p/b/c/f.txt", "p/x/y/c.txt", "p/x/y/d.md");
  }

  @Test
  void parents_directorySourceKeepsTheDirectoryItself_andCombinesWithExclude() throws Exception {
    copy(op().withParents(true).withExcludes(List.of("**/*.log", "y/*.md")), "/p/", "src/x");
    assertThat(tree()).containsExactlyInAnyOrder("p/src/x/b.txt", "p/src/x/y/c.txt");
  }

  @Test
  void link_replacesSymlinksOnTheDestinationPath_withoutLinkTheyAreFollowed() throws Exception {
    Files.createDirectories(rootfs.resolve("target"));
    Files.createSymbolicLink(rootfs.resolve("opt"), Path.of("/target"));
    Files.createSymbolicLink(rootfs.resolve("file"), Path.of("/target/f"));

    copy(op(), "/opt/", "home.txt");
    assertThat(rootfs.resolve("target/home.txt")).hasContent("home.txt");

    copy(op().withLink(true), "/opt/", "home.md");
    copy(op().withLink(true), "/file", "other.txt");
    assertThat(rootfs.resolve("opt")).isDirectory().isNotEqualTo(rootfs.resolve("target"));
    assertThat(Files.isSymbolicLink(rootfs.resolve("opt"))).isFalse();
    assertThat(rootfs.resolve("opt/home.md")).hasContent("home.md");
    assertThat(rootfs.resolve("target/home.md")).doesNotExist();
    assertThat(Files.isSymbolicLink(rootfs.resolve("file"))).isFalse();
    assertThat(rootfs.resolve("file")).hasContent("other.txt");
    assertThat(rootfs.resolve("target/f")).doesNotExist();
  }
}
