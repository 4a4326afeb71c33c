package dev.kaniko.core.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPathsTest {
  @TempDir Path tmp;
  private Path root;

  @BeforeEach
  void layout() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("usr/lib"));
    Files.createDirectories(root.resolve("run/systemd"));
    Files.createDirectories(root.resolve("etc"));
  }

  @Test
  void resolveInRoot_plainPath_staysUnderRoot() throws IOException {
    assertThat(RootPaths.resolveInRoot(root, "/usr/lib/x")).isEqualTo(root.resolve("usr/lib/x"));
  }

  @Test
  void resolveInRoot_absoluteSymlink_isResolvedInsideRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("etc/resolv.conf"), Path.of("/run/systemd/resolv.conf"));

    assertThat(RootPaths.resolveInRoot(root, "/etc/resolv.conf")).isEqualTo(root.resolve("run/systemd/resolv.conf"));
  }

  @Test
  void resolveInRoot_symlinkEscapingWithDotDot_isClampedAtRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("etc/evil"), Path.of("../../../../outside"));

    assertThat(RootPaths.resolveInRoot(root, "/etc/evil")).isEqualTo(root.resolve("outside"));
  }

  @Test
  void resolveInRoot_relativeSymlinkedDirectory_isFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));

    assertThat(RootPaths.resolveInRoot(root, "/lib/a/../b")).isEqualTo(root.resolve("usr/lib/b"));
  }

  @Test
  void resolveInRoot_symlinkLoop_fails() throws IOException {
    Files.createSymbolicLink(root.resolve("loop"), Path.of("/loop"));

    assertThatThrownBy(() -> RootPaths.resolveInRoot(root, "/loop/x")).hasMessageContaining("too many levels");
  }

  @Test
  void createDirectoriesInRoot_followsSymlinksInsideRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("app"), Path.of("/outside-target"));

    Path created = RootPaths.createDirectoriesInRoot(root, "/app/sub/dir");

    assertThat(created).isEqualTo(root.resolve("outside-target/sub/dir")).isDirectory();
    assertThat(tmp.resolve("outside-target")).doesNotExist();
  }
}
