package dev.kaniko.core.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves directories inside the root component by component, chroot-style: symlinks are
 * read (never followed by the OS), absolute targets restart at the root, and a ".." that would
 * climb above the root is refused. The result never contains a symlink.
 */
final class RootResolver {
  static final int MAX_SYMLINKS = 40;

  /** Called for each missing directory to create when resolving with {@code create}. */
  interface DirectoryMaker {
    void make(Path host, ImagePath image) throws IOException;
  }

  /** A resolved location: the symlink-free image path and the host path under the root. */
  record Resolved(ImagePath image, Path host) {}

  /** Outcome marker: the resolution reached an ignored path (no host path, never written). */
  static final Resolved IGNORED = new Resolved(ImagePath.ROOT, null);

  private final Path root;
  private final ExtractOptions options;

  RootResolver(Path realRoot, ExtractOptions options) {
    this.root = realRoot;
    this.options = options;
  }

  Path root() {
    return root;
  }

  Path host(ImagePath image) {
    return image.isRoot() ? root : root.resolve(String.join("/", image.components()));
  }

  /**
   * Resolves {@code dir} to a real directory inside the root. Missing components are created
   * through {@code maker}, or make this return null when {@code maker} is null. Returns
   * {@link #IGNORED} if any component resolves to an ignored path.
   */
  Resolved resolveDirectory(ImagePath dir, String entryName, DirectoryMaker maker)
      throws IOException {
    Deque<String> pending = new ArrayDeque<>(dir.components());
    List<String> current = new ArrayList<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (current.isEmpty()) {
          throw new ExtractionException(entryName,
              "a symlink on its path climbs above the root (\"" + dir + "\")");
        }
        current.remove(current.size() - 1);
        continue;
      }
      current.add(part);
      ImagePath image = ImagePath.of(current);
      if (options.isIgnored(image.toString())) {
        return IGNORED;
      }
      Path host = host(image);
      BasicFileAttributes attrs = lstat(host);
      if (attrs == null) {
        if (maker == null) {
          return null;
        }
        maker.make(host, image);
      } else if (attrs.isSymbolicLink()) {
        if (++links > MAX_SYMLINKS) {
          throw new ExtractionException(entryName, "too many levels of symbolic links at " + image);
        }
        current.remove(current.size() - 1);
        String target = Files.readSymbolicLink(host).toString();
        if (target.startsWith("/")) {
          current.clear();
        }
        pushFront(pending, target);
      } else if (!attrs.isDirectory()) {
        throw new ExtractionException(entryName, "\"" + image + "\" is not a directory");
      }
    }
    ImagePath image = ImagePath.of(current);
    return new Resolved(image, host(image));
  }

  /**
   * The host path of {@code image} if every component of it is a real directory (no symlink
   * anywhere on the way), else null. Used for work deferred past later entries.
   */
  Path realDirectory(ImagePath image) throws IOException {
    Path host = root;
    for (String part : image.components()) {
      host = host.resolve(part);
      BasicFileAttributes attrs = lstat(host);
      if (attrs == null || !attrs.isDirectory()) {
        return null;
      }
    }
    return host;
  }

  private static void pushFront(Deque<String> pending, String target) {
    String[] parts = target.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      pending.addFirst(parts[i]);
    }
  }

  /** lstat: attributes without following a final symlink, or null when nothing is there. */
  static BasicFileAttributes lstat(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
