package dev.kaniko.core.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsCleanerTest {
  @TempDir Path temp;

  @Test
  void clean_deletesEverythingButIgnoredPathsAndTheirParents() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    write(root, "etc/passwd");
    write(root, "bin/sh");
    write(root, "usr/lib/jvm/jdk/bin/java");
    write(root, "usr/lib/libc.so");
    write(root, "kaniko/executor");
    write(root, "var/run/pid");
    write(root, "var/log/x.log");
    Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));

    long deleted = RootfsCleaner.clean(root,
        IgnoredPaths.of(List.of("/kaniko", "/usr/lib/jvm/jdk", "/var/run")));

    assertThat(tree(root)).containsExactly("kaniko", "kaniko/executor", "usr", "usr/lib",
        "usr/lib/jvm", "usr/lib/jvm/jdk", "usr/lib/jvm/jdk/bin", "usr/lib/jvm/jdk/bin/java",
        "var", "var/run", "var/run/pid");
    assertThat(deleted).as("etc, passwd, bin, sh, libc.so, lib, var/log, x.log").isEqualTo(8);
  }

  @Test
  void clean_neverFollowsASymlinkOutOfTheRoot() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Path outside = write(temp, "outside/keep.txt");
    Files.createSymbolicLink(root.resolve("escape"), outside.getParent());
    Files.createSymbolicLink(root.resolve("file-link"), outside);

    RootfsCleaner.clean(root, IgnoredPaths.none());

    assertThat(tree(root)).isEmpty();
    assertThat(outside).hasContent("x");
  }

  private static Path write(Path root, String path) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "x");
  }

  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !p.equals(root))
          .filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
