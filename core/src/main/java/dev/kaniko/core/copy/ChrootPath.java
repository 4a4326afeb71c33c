package dev.kaniko.core.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path inside a root directory as if the root were {@code /}: {@code ..} never climbs
 * above the root and symlinks (absolute or relative) are followed within it.
 */
public final class ChrootPath {
  private static final int MAX_LINKS = 255;

  private ChrootPath() {}

  /**
   * Resolves {@code path} (absolute or relative to the root) under {@code root}.
   *
   * @param followLast whether a symlink in the last component is followed
   */
  public static Path resolve(Path root, String path, boolean followLast) throws IOException {
    Deque<String> pending = new ArrayDeque<>(split(path));
    List<String> resolved = new ArrayList<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!resolved.isEmpty()) {
          resolved.remove(resolved.size() - 1);
        }
        continue;
      }
      Path candidate = join(root, resolved).resolve(part);
      boolean last = pending.isEmpty();
      if ((!last || followLast) && Files.isSymbolicLink(candidate)) {
        if (++links > MAX_LINKS) {
          throw new IOException("too many levels of symbolic links in " + path);
        }
        String target = Files.readSymbolicLink(candidate).toString();
        if (target.startsWith("/")) {
          resolved.clear();
        }
        List<String> targetParts = split(target);
        for (int i = targetParts.size() - 1; i >= 0; i--) {
          pending.addFirst(targetParts.get(i));
        }
        continue;
      }
      resolved.add(part);
    }
    return join(root, resolved);
  }

  /** The path of {@code file} relative to {@code root}, with {@code /} separators. */
  public static String relative(Path root, Path file) {
    return root.relativize(file).toString();
  }

  /** Whether {@code path} exists as a directory, following links inside {@code root}. */
  public static boolean isDirectory(Path root, String path) throws IOException {
    return Files.isDirectory(resolve(root, path, true), LinkOption.NOFOLLOW_LINKS);
  }

  private static Path join(Path root, List<String> parts) {
    Path p = root;
    for (String part : parts) {
      p = p.resolve(part);
    }
    return p;
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        parts.add(s);
      }
    }
    return parts;
  }
}
