package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A content descriptor: media type, digest, size, optional annotations and platform. */
@JsonPropertyOrder({"mediaType", "digest", "size", "annotations", "platform"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") String digest,
    @JsonProperty("size") long size,
    @JsonProperty("annotations") SortedMap<String, String> annotations,
    @JsonProperty("platform") Platform platform) {

  public Descriptor {
    annotations = annotations == null || annotations.isEmpty()
        ? null : new TreeMap<>(annotations);
  }

  public static Descriptor of(String mediaType, String digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null);
  }

  /** The annotation value, or null. */
  public String annotation(String key) {
    return annotations == null ? null : annotations.get(key);
  }

  public Descriptor withAnnotations(Map<String, String> a) {
    return new Descriptor(mediaType, digest, size, a == null ? null : new TreeMap<>(a), platform);
  }

  public Descriptor withPlatform(Platform p) {
    return new Descriptor(mediaType, digest, size, annotations, p);
  }
}
