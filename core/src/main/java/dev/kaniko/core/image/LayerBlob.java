package dev.kaniko.core.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A compressed layer on disk with its digests: {@code digest} of the compressed bytes, {@code
 * diffId} of the uncompressed tar (both {@code sha256:<hex>}), and both sizes ({@code
 * uncompressedSize} is -1 when unknown, e.g. for a pulled blob).
 */
public record LayerBlob(
    Path path, String mediaType, String digest, String diffId, long size, long uncompressedSize) {

  public LayerBlob {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mediaType, "mediaType");
    checkDigest(digest, "digest");
    checkDigest(diffId, "diffId");
  }

  private static void checkDigest(String d, String what) {
    if (d == null || !d.matches("sha256:[0-9a-f]{64}")) {
      throw new IllegalArgumentException(what + " is not a sha256 digest: " + d);
    }
  }

  /** The hex part of {@link #digest()}. */
  public String digestHex() {
    return digest.substring("sha256:".length());
  }
}
