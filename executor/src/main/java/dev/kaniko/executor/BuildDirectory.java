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
 * Where a remote context is fetched: {@code <kaniko-dir>/buildcontext} in a container (in-place
 * mode), else a temporary directory removed when closed (chroot mode, {@code --rootfs}).
 */
final class BuildDirectory implements AutoCloseable {
  private final Path path;
  private final boolean temporary;

  private BuildDirectory(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  static BuildDirectory create(BuildOptions options, boolean inContainer) {
    try {
      if (options.rootfs().isPresent() || !inContainer) {
        return new BuildDirectory(Files.createTempDirectory("kaniko-context-"), true);
      }
      Path dir = options.kanikoDir().resolve("buildcontext");
      Files.createDirectories(dir);
      return new BuildDirectory(dir, false);
    } catch (IOException e) {
      throw new UserException("cannot create the build directory: " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  boolean temporary() {
    return temporary;
  }

  @Override
  public void close() {
    if (temporary) {
      deleteRecursively(path);
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
