package dev.kaniko.core.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path as a process chrooted into a rootfs would see it: symbolic links are followed, but
 * absolute targets and {@code ..} never leave the root.
 */
public final class RootPaths {
  private static final int MAX_LINKS = 40;

  private RootPaths() {}

  /**
   * The host path of {@code path} (absolute inside {@code root}) with every existing symlink resolved
   * inside the root; missing trailing components are kept as they are.
   */
  public static Path resolveInRoot(Path root, String path) throws IOException {
    Deque<String> pending = new ArrayDeque<>();
    push(pending, path);
    Path current = root;
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pop();
      if (part.equals("..")) {
        current = current.equals(root) ? root : current.getParent();
        continue;
      }
      Path next = current.resolve(part);
      if (!Files.isSymbolicLink(next)) {
        current = next;
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new IOException("too many levels of symbolic links resolving " + path + " in " + root);
      }
      String target = Files.readSymbolicLink(next).toString();
      push(pending, target);
      if (target.startsWith("/")) {
        current = root;
      }
    }
    return current;
  }

  /** Creates {@code path} and its missing parents inside the root (symlinks resolved in the root). */
  public static Path createDirectoriesInRoot(Path root, String path) throws IOException {
    Path resolved = resolveInRoot(root, path);
    if (!Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS)) {
      Path parent = resolved.getParent();
      if (!resolved.equals(root) && parent != null && !Files.isDirectory(parent)) {
        createDirectoriesInRoot(root, "/" + root.relativize(parent));
      }
      Files.createDirectory(resolved);
    }
    return resolved;
  }

  private static void push(Deque<String> pending, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty() && !parts[i].equals(".")) {
        pending.push(parts[i]);
      }
    }
  }
}
