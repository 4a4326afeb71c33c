package dev.kaniko.core.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A content descriptor: media type, digest and size, plus optional urls and annotations. */
public record Descriptor(String mediaType, String digest, long size, List<String> urls, Map<String, String> annotations) {

  /** Validates and copies the parts. */
  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + digest);
    }
    urls = urls == null ? List.of() : List.copyOf(urls);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** A descriptor without urls or annotations. */
  public Descriptor(String mediaType, String digest, long size) {
    this(mediaType, digest, size, List.of(), Map.of());
  }
}
