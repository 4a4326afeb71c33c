package dev.kaniko.core.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Reads the extended attributes of a file without following symlinks. */
public interface XattrReader {

  /** Attribute name to raw value, sorted by name; empty when there are none. */
  SortedMap<String, byte[]> read(Path file) throws IOException;

  /** Which attributes go into layers by default: {@code security.capability} and {@code user.*}. */
  Predicate<String> DEFAULT_FILTER =
      name -> name.equals("security.capability") || name.startsWith("user.");

  /** A reader that finds nothing (tests, or file systems without xattrs). */
  static XattrReader none() {
    return file -> new TreeMap<>();
  }

  /** The native reader (llistxattr/lgetxattr) restricted to {@link #DEFAULT_FILTER}. */
  static XattrReader system() {
    return new NativeXattrReader(DEFAULT_FILTER);
  }

  /** Keeps only the attributes {@code filter} accepts. */
  static SortedMap<String, byte[]> filter(Map<String, byte[]> all, Predicate<String> filter) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    all.forEach((k, v) -> {
      if (filter.test(k)) {
        out.put(k, v);
      }
    });
    return out;
  }
}
