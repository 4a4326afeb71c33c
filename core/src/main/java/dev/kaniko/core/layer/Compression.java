package dev.kaniko.core.layer;

import java.util.Locale;

/** Compression applied to a layer tar; the OCI media type suffix follows from it. */
public enum Compression {
  GZIP("gzip", -1, 9),
  ZSTD("zstd", 1, 22);

  private final String id;
  private final int minLevel;
  private final int maxLevel;

  Compression(String id, int minLevel, int maxLevel) {
    this.id = id;
    this.minLevel = minLevel;
    this.maxLevel = maxLevel;
  }

  /** The flag value ({@code gzip}, {@code zstd}). */
  public String id() {
    return id;
  }

  /** The OCI layer media type for this compression. */
  public String ociMediaType() {
    return "application/vnd.oci.image.layer.v1.tar+" + id;
  }

  /** Parses a {@code --compression} value; fails with a one-line message on anything else. */
  public static Compression parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Compression c : values()) {
      if (c.id.equals(v)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unsupported compression '" + value + "' (expected gzip or zstd)");
  }

  void checkLevel(int level) {
    if (level != -1 && (level < minLevel || level > maxLevel)) {
      throw new IllegalArgumentException(
          "compression level " + level + " is out of range for " + id
              + " (-1 for default, " + (this == GZIP ? "0..9" : "1..22") + ")");
    }
  }
}
