package dev.kaniko.core.options;

import java.util.Locale;

/** Layer compression algorithm (kaniko's {@code --compression}). */
public enum Compression {
  GZIP,
  ZSTD;

  /** Parses kaniko's lower-case spelling ({@code gzip}, {@code zstd}). */
  public static Compression parse(String value) {
    for (Compression compression : values()) {
      if (compression.flagValue().equals(value)) {
        return compression;
      }
    }
    throw new IllegalArgumentException(
        "invalid compression '" + value + "' (expected gzip or zstd)");
  }

  /** The spelling used on the command line. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
