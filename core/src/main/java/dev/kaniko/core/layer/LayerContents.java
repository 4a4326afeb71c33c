package dev.kaniko.core.layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What goes into one layer: paths (relative to {@code root}, '/'-separated) to add as they are on
 * disk, deleted paths (written as whiteouts) and opaque directories (contents replaced).
 * Directories listed in {@code added} are added as a single entry, not recursively.
 */
public record LayerContents(
    Path root, List<String> added, List<String> deleted, List<String> opaqueDirs) {

  public LayerContents {
    Objects.requireNonNull(root, "root");
    added = normalizeAll(added);
    deleted = normalizeAll(deleted);
    opaqueDirs = normalizeAll(opaqueDirs);
  }

  /** Everything under {@code root} (not root itself), as for a base or COPY layer. */
  public static LayerContents ofTree(Path root) throws IOException {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> !p.equals(root))
          .forEach(p -> paths.add(root.relativize(p).toString()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new LayerContents(root, paths, List.of(), List.of());
  }

  private static List<String> normalizeAll(List<String> paths) {
    List<String> out = new ArrayList<>();
    for (String p : paths == null ? List.<String>of() : paths) {
      out.add(normalize(p));
    }
    return List.copyOf(out);
  }

  /** Strips leading '/' and './', trailing '/', rejects '..' and empty paths. */
  static String normalize(String path) {
    String p = Objects.requireNonNull(path, "path");
    StringBuilder out = new StringBuilder();
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IllegalArgumentException("layer path must not contain '..': " + path);
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    if (out.length() == 0) {
      throw new IllegalArgumentException("layer path must not be empty or the root: '" + path + "'");
    }
    return out.toString();
  }
}
