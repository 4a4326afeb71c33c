package dev.kaniko.core.registry;

import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Manifest;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved base image: the reference asked for, where it was actually pulled from (a mirror, perhaps,
 * pinned to the manifest digest), its manifest, its config JSON (digest-verified) and, when it came from an
 * index, the index digest.
 */
public record PulledImage(ImageReference requested, ImageReference source, Manifest manifest, byte[] config,
    Optional<String> indexDigest) {

  /** Validates the parts. */
  public PulledImage {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(indexDigest, "indexDigest");
  }

  /** The media-type family of the base image (pushed images keep it). */
  public ImageFormat format() {
    return manifest.format();
  }

  /** The manifest digest ({@code source} is pinned to it). */
  public String digest() {
    return source.digest().orElseThrow();
  }
}
