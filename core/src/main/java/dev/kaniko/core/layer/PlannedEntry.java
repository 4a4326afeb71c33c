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
  static final Comparator<String> TAR_ORDER = PlannedEntry::compareTarOrder;

  /** Compares without splitting: '/' sorts before any character, end of path before '/'. */
  private static int compareTarOrder(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() && i == b.length()) {
      return 0;
    }
    int component = a.lastIndexOf('/', i - 1) + 1;
    boolean opaqueA = isOpaqueMarker(a, component);
    boolean opaqueB = isOpaqueMarker(b, component);
    if (opaqueA != opaqueB) {
      return opaqueA ? -1 : 1;
    }
    return Integer.compare(rank(a, i), rank(b, i));
  }

  private static int rank(String s, int i) {
    if (i == s.length()) {
      return -2;
    }
    char c = s.charAt(i);
    return c == '/' ? -1 : c;
  }

  private static boolean isOpaqueMarker(String s, int start) {
    int end = start + OPAQUE_MARKER.length();
    return s.startsWith(OPAQUE_MARKER, start) && (end == s.length() || s.charAt(end) == '/');
  }
}
