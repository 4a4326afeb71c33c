package dev.kaniko.core.run;

import dev.kaniko.core.rootfs.RootPaths;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and directories created in the rootfs only for the command's duration (mount points, heredoc
 * scripts). {@link #close} removes them, newest first, and restores the modification times of the
 * directories that held them, so they leave no trace in the next layer.
 */
final class Placeholders implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Placeholders.class);

  private final Path root;
  private final Deque<Path> created = new ArrayDeque<>();
  private final Map<Path, FileTime> parentTimes = new LinkedHashMap<>();

  Placeholders(Path root) {
    this.root = root;
  }

  /** The host path of directory {@code inRoot}, created (with missing parents) when absent. */
  Path directory(String inRoot) throws IOException {
    Path path = RootPaths.resolveInRoot(root, inRoot);
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return path;
    }
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(inRoot + " exists in the rootfs and is not a directory");
    }
    ensureParent(path);
    remember(path);
    Files.createDirectory(path);
    created.push(path);
    return path;
  }

  /** The host path of file {@code inRoot}, created empty (with missing parents) when absent. */
  Path file(String inRoot) throws IOException {
    Path path = RootPaths.resolveInRoot(root, inRoot);
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return path;
    }
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(inRoot + " exists in the rootfs and is not a regular file");
    }
    ensureParent(path);
    remember(path);
    Files.createFile(path);
    created.push(path);
    return path;
  }

  /** Writes an executable (0755) file that did not exist. */
  Path script(String inRoot, String content) throws IOException {
    Path path = file(inRoot);
    Files.writeString(path, content);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }

  private void ensureParent(Path path) throws IOException {
    Path parent = path.getParent();
    if (!parent.startsWith(root) || Files.isDirectory(parent)) {
      return;
    }
    directory("/" + root.relativize(parent));
  }

  private void remember(Path path) throws IOException {
    Path parent = path.getParent();
    if (parent != null && !created.contains(parent) && !parentTimes.containsKey(parent)) {
      parentTimes.put(parent, Files.getLastModifiedTime(parent, LinkOption.NOFOLLOW_LINKS));
    }
  }

  @Override
  public void close() {
    while (!created.isEmpty()) {
      Path path = created.pop();
      try {
        Files.deleteIfExists(path);
      } catch (DirectoryNotEmptyException e) {
        LOG.debug("keeping {}: the command wrote into it", path);
      } catch (IOException e) {
        LOG.warn("cannot remove {} from the rootfs: {}", path, e.getMessage());
      }
    }
    parentTimes.forEach((dir, time) -> {
      try {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          Files.setLastModifiedTime(dir, time);
        }
      } catch (IOException e) {
        LOG.debug("cannot restore the time of {}: {}", dir, e.getMessage());
      }
    });
  }
}
