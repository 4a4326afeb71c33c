package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where a remote context is fetched and plugins keep scratch files: under {@code --kaniko-dir} in
 * in-place mode and in a container without {@code --rootfs}, else in a temporary directory removed
 * when closed (chroot mode).
 */
final class BuildDirectory implements AutoCloseable {
  private final Path root;
  private final Path contextDir;
  private final Path workDir;
  private final boolean temporary;

  private BuildDirectory(Path root, Path contextDir, Path workDir, boolean temporary)
      throws IOException {
    this.root = root;
    this.contextDir = Files.createDirectories(contextDir);
    this.workDir = Files.createDirectories(workDir);
    this.temporary = temporary;
  }

  /** @param underKanikoDir in place (where the temp dir is wiped) or in a container */
  static BuildDirectory create(BuildOptions options, boolean underKanikoDir) {
    try {
      if (!underKanikoDir) {
        Path root = Files.createTempDirectory("kaniko-build-");
        return new BuildDirectory(root, root.resolve("buildcontext"), root.resolve("work"), true);
      }
      Path root = options.kanikoDir();
      // kaniko's own scratch directories: whatever an earlier run left there is stale.
      deleteRecursively(root.resolve("buildcontext"));
      deleteRecursively(root.resolve("plugin-work"));
      return new BuildDirectory(
          root, root.resolve("buildcontext"), root.resolve("plugin-work"), false);
    } catch (IOException e) {
      throw new UserException("cannot create the build directory under "
          + (underKanikoDir ? options.kanikoDir() : "the temp dir") + ": " + e.getMessage(), e);
    }
  }

  /** Where a remote context is downloaded ({@code buildcontext}, as in kaniko). */
  Path contextDir() {
    return contextDir;
  }

  /** Scratch space for context sources. */
  Path workDir() {
    return workDir;
  }

  @Override
  public void close() {
    if (temporary) {
      deleteRecursively(root);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
