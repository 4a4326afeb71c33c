package dev.kaniko.core.image;

import java.util.Locale;

/** Layer compression ({@code --compression}); the OCI layer media type follows from it. */
public enum Compression {
  GZIP("gzip", -1, 9),
  ZSTD("zstd", 1, 22);

  private final String flagValue;
  private final int minLevel;
  private final int maxLevel;

  Compression(String flagValue, int minLevel, int maxLevel) {
    this.flagValue = flagValue;
    this.minLevel = minLevel;
    this.maxLevel = maxLevel;
  }

  /** The spelling used on the command line ({@code gzip}, {@code zstd}). */
  public String flagValue() {
    return flagValue;
  }

  /** The OCI layer media type for this compression. */
  public String ociMediaType() {
    return "application/vnd.oci.image.layer.v1.tar+" + flagValue;
  }

  /** Parses a {@code --compression} value (case-insensitive); fails with a one-line message on anything else. */
  public static Compression parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Compression c : values()) {
      if (c.flagValue.equals(v)) {
        return c;
      }
    }
    throw new IllegalArgumentException("invalid compression '" + value + "' (expected gzip or zstd)");
  }

  /**
   * Checks a {@code --compression-level} for this algorithm.
   *
   * @throws IllegalArgumentException naming the valid range (-1 is the algorithm's default)
   */
  public void checkLevel(int level) {
    if (level != -1 && (level < minLevel || level > maxLevel)) {
      throw new IllegalArgumentException(
          "compression level " + level + " is out of range for " + flagValue
              + " (-1 for default, " + (this == GZIP ? "0..9" : "1..22") + ")");
    }
  }
}
