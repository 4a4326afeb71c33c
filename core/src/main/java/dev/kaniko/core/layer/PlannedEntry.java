package dev.kaniko.core.layer;

import java.util.Comparator;

/** One tar entry to write: a path from disk, a whiteout or an opaque marker. */
record PlannedEntry(String path, Kind kind) {

  static final String WHITEOUT_PREFIX = ".wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";

  enum Kind { FROM_DISK, WHITEOUT, OPAQUE }

  /** The tar name of a whiteout/opaque marker, or the path itself for disk entries. */
  String tarPath() {
    switch (kind) {
      case WHITEOUT: {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + WHITEOUT_PREFIX + path.substring(slash + 1);
      }
      case OPAQUE:
        return path + "/" + OPAQUE_MARKER;
      default:
        return path;
    }
  }

  /**
   * Component-wise order (a directory right before its children, "a/b" before "a-c") with the
   * opaque marker first among a directory's children so it applies before new contents.
   */
  static final Comparator<String> TAR_ORDER = (a, b) -> {
    String[] x = a.split("/", -1);
    String[] y = b.split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = compareComponent(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  private static int compareComponent(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.equals(OPAQUE_MARKER)) {
      return -1;
    }
    if (b.equals(OPAQUE_MARKER)) {
      return 1;
    }
    return a.compareTo(b);
  }
}
