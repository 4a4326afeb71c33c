package dev.kaniko.core.cache;

import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Manifest;
import dev.kaniko.core.registry.PulledImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A base image read from the {@code --cache-dir}: the same parts as {@link PulledImage}, plus the
 * layer files (manifest order) and when it was cached.
 */
public record CachedImage(ImageReference requested, ImageReference source, Manifest manifest, byte[] config,
    Optional<String> indexDigest, List<Path> layers, Instant cachedAt) {

  /** Validates the parts. */
  public CachedImage {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(indexDigest, "indexDigest");
    layers = List.copyOf(layers);
    Objects.requireNonNull(cachedAt, "cachedAt");
    if (layers.size() != manifest.layers().size()) {
      throw new IllegalArgumentException("cached image " + source + " has " + layers.size() + " layer files for "
          + manifest.layers().size() + " layers");
    }
  }

  /** As the puller would have returned it (so the build treats a cached base like a pulled one). */
  public PulledImage toPulledImage() {
    return new PulledImage(requested, source, manifest, config, indexDigest);
  }

  /** The manifest digest. */
  public String digest() {
    return source.digest().orElseThrow();
  }
}
