package dev.kaniko.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Ignore predicates for {@link ExtractOptions.Builder#ignore}: a directory and all below it. */
public final class IgnoredPaths {
  private IgnoredPaths() {}

  /** Matches each of {@code dirs} (absolute image paths) and every path below them. */
  public static Predicate<String> under(String... dirs) {
    List<String> prefixes = new ArrayList<>();
    for (String dir : dirs) {
      String clean = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
      if (!clean.startsWith("/")) {
        throw new IllegalArgumentException("ignored path must be absolute: " + dir);
      }
      prefixes.add(clean);
    }
    return path -> prefixes.stream()
        .anyMatch(p -> path.equals(p) || path.startsWith(p.equals("/") ? p : p + "/"));
  }
}
