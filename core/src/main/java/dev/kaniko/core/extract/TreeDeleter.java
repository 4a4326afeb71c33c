package dev.kaniko.core.extract;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Deletes trees without ever following a symlink, sparing ignored paths. */
final class TreeDeleter {
  private final ExtractOptions options;

  TreeDeleter(ExtractOptions options) {
    this.options = options;
  }

  /** Deletes {@code host} (image path {@code image}); true when nothing is left of it. */
  boolean delete(Path host, ImagePath image) throws IOException {
    if (options.isIgnored(image.toString())) {
      return false;
    }
    BasicFileAttributes attrs = RootResolver.lstat(host);
    if (attrs == null) {
      return true;
    }
    boolean empty = true;
    if (attrs.isDirectory()) {
      for (Path child : children(host)) {
        empty &= delete(child, image.child(child.getFileName().toString()));
      }
    }
    if (empty) {
      Files.deleteIfExists(host);
    }
    return empty;
  }

  /**
   * Empties directory {@code host} of everything not in {@code kept} (image paths written by the
   * current layer); kept directories are emptied recursively the same way.
   */
  void clearExcept(Path host, ImagePath image, Set<String> kept) throws IOException {
    for (Path child : children(host)) {
      ImagePath childImage = image.child(child.getFileName().toString());
      if (!kept.contains(childImage.toString())) {
        delete(child, childImage);
        continue;
      }
      BasicFileAttributes attrs = RootResolver.lstat(child);
      if (attrs != null && attrs.isDirectory()) {
        clearExcept(child, childImage, kept);
      }
    }
  }

  private static List<Path> children(Path dir) throws IOException {
    List<Path> list = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(list::add);
    }
    return list;
  }
}
