package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An image index: an OCI index (e.g. a layout's {@code index.json}) or a Docker manifest list. */
@JsonPropertyOrder({"schemaVersion", "mediaType", "manifests"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageIndex(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("manifests") List<Descriptor> manifests) {

  public ImageIndex {
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
  }

  /**
   * Parses a Docker manifest list or OCI index as a registry serves it (platforms and variants kept).
   *
   * @throws IllegalArgumentException when it is not an index or is malformed
   */
  public static ImageIndex parse(byte[] json, String digest, String contentType) {
    JsonNode root = ManifestJson.read(json, "index " + digest);
    String mediaType = ManifestJson.mediaType(root, contentType);
    if (!MediaTypes.isIndex(mediaType)) {
      throw new IllegalArgumentException("index " + digest + " has media type " + mediaType);
    }
    List<Descriptor> entries = new ArrayList<>();
    for (JsonNode manifest : root.path("manifests")) {
      entries.add(ManifestJson.descriptor(manifest, "entry of index " + digest));
    }
    return new ImageIndex(2, mediaType, entries);
  }

  public static ImageIndex of(List<Descriptor> manifests) {
    return new ImageIndex(2, MediaTypes.OCI_INDEX, manifests);
  }
}
