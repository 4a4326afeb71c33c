package dev.kaniko.spi;

import java.util.Objects;

/**
 * A cached layer's metadata.
 *
 * @param digest blob digest ({@code sha256:...}) of the compressed layer
 * @param diffId digest of the uncompressed layer
 * @param size blob size in bytes
 * @param mediaType layer media type
 */
public record CacheEntry(String digest, String diffId, long size, String mediaType) {

  /** Validates the fields. */
  public CacheEntry {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(mediaType, "mediaType");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
  }
}
