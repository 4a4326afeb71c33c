package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A content descriptor: media type, digest and size, plus optional urls (foreign layers), annotations
 * and platform (index entries). Empty urls and annotations are left out of the JSON.
 */
@JsonPropertyOrder({"mediaType", "digest", "size", "urls", "annotations", "platform"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") String digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> urls,
    @JsonProperty("annotations") @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> annotations,
    @JsonProperty("platform") @JsonInclude(JsonInclude.Include.NON_NULL) Platform platform) {

  /** Validates and copies the parts; null urls and annotations become empty. */
  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + digest);
    }
    urls = urls == null ? List.of() : List.copyOf(urls);
    annotations = annotations == null
        ? java.util.Collections.emptySortedMap()
        : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
  }

  /** A descriptor without urls, annotations or platform. */
  public Descriptor(String mediaType, String digest, long size) {
    this(mediaType, digest, size, null, null, null);
  }

  /** A descriptor without urls, annotations or platform. */
  public static Descriptor of(String mediaType, String digest, long size) {
    return new Descriptor(mediaType, digest, size);
  }

  /** The annotation value, or null. */
  public String annotation(String key) {
    return annotations.get(key);
  }

  /** This descriptor with {@code a} as its annotations (null: none). */
  public Descriptor withAnnotations(Map<String, String> a) {
    return new Descriptor(mediaType, digest, size, urls, a == null ? null : new TreeMap<>(a), platform);
  }

  /** This descriptor with {@code u} as its urls (null: none). */
  public Descriptor withUrls(List<String> u) {
    return new Descriptor(mediaType, digest, size, u, annotations, platform);
  }

  /** This descriptor with platform {@code p} (null: none). */
  public Descriptor withPlatform(Platform p) {
    return new Descriptor(mediaType, digest, size, urls, annotations, p);
  }
}
