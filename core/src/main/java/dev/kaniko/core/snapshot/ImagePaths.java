package dev.kaniko.core.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Helpers for absolute, {@code /}-separated image paths. */
final class ImagePaths {

  private ImagePaths() {}

  static String child(String parent, String name) {
    return parent.equals("/") ? "/" + name : parent + "/" + name;
  }

  /**
   * Normalizes a declared path: absolute, no {@code .}/{@code ..}/empty segments, no trailing slash.
   *
   * @throws IllegalArgumentException for a relative path or one escaping the root
   */
  static String normalize(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("declared snapshot path must be absolute: " + path);
    }
    List<String> parts = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          throw new IllegalArgumentException("declared snapshot path escapes the root: " + path);
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(segment);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** The normalized paths with every path that lies under another one removed, sorted. */
  static List<String> outermost(Collection<String> paths) {
    TreeSet<String> sorted = new TreeSet<>();
    paths.forEach(p -> sorted.add(normalize(p)));
    List<String> result = new ArrayList<>();
    for (String p : sorted) {
      if (result.stream().noneMatch(kept -> isUnder(p, kept))) {
        result.add(p);
      }
    }
    return result;
  }

  /** Whether {@code path} equals {@code ancestor} or lies below it. */
  static boolean isUnder(String path, String ancestor) {
    if (ancestor.equals("/")) {
      return true;
    }
    return path.equals(ancestor) || path.startsWith(ancestor + "/");
  }

  /** The segments of a normalized path; empty for the root. */
  static String[] segments(String normalized) {
    return normalized.equals("/") ? new String[0] : normalized.substring(1).split("/");
  }
}
