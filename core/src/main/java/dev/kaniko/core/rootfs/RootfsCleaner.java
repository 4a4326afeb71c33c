package dev.kaniko.core.rootfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Empties a rootfs before the base image is extracted over it (kaniko's {@code DeleteFilesystem}),
 * sparing the ignored paths and the directories that lead to them. Never follows a symlink and
 * never enters another file system (a mount point missing from the ignore list is kept too).
 */
public final class RootfsCleaner {
  private final Path root;
  private final Predicate<String> ignored;
  private final Object rootDevice;
  private long deleted;

  private RootfsCleaner(Path root, Predicate<String> ignored) throws IOException {
    this.root = root;
    this.ignored = ignored;
    this.rootDevice = device(root);
  }

  /**
   * Deletes everything below {@code root} but the paths {@code ignored} matches (absolute, as seen
   * in the rootfs) and their parent directories.
   *
   * @return how many entries were deleted
   */
  public static long clean(Path root, Predicate<String> ignored) throws IOException {
    RootfsCleaner cleaner = new RootfsCleaner(root, ignored);
    cleaner.emptyDirectory(root, "/");
    return cleaner.deleted;
  }

  /** Deletes the children of {@code dir}; true when it is empty afterwards. */
  private boolean emptyDirectory(Path dir, String imagePath) throws IOException {
    boolean empty = true;
    for (Path child : children(dir)) {
      String childPath = (imagePath.equals("/") ? "" : imagePath) + "/" + child.getFileName();
      empty &= delete(child, childPath);
    }
    return empty;
  }

  /** Deletes {@code file} unless it is ignored or holds something kept; true when it is gone. */
  private boolean delete(Path file, String imagePath) throws IOException {
    if (ignored.test(imagePath)) {
      return false;
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return true;
    }
    if (attrs.isDirectory()) {
      if (!rootDevice.equals(device(file))) {
        return false; // a mount point the ignore list does not know: never cross it
      }
      if (!emptyDirectory(file, imagePath)) {
        return false;
      }
    }
    Files.deleteIfExists(file);
    deleted++;
    return true;
  }

  private static Object device(Path path) throws IOException {
    return Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
  }

  private static List<Path> children(Path dir) throws IOException {
    List<Path> list = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(list::add);
    }
    return list;
  }

  @Override
  public String toString() {
    return "RootfsCleaner[" + root + "]";
  }
}
