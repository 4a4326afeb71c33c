package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An image manifest (Docker v2s2 or OCI, told apart by {@code mediaType}). */
@JsonPropertyOrder({"schemaVersion", "mediaType", "config", "layers"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("config") Descriptor config,
    @JsonProperty("layers") List<Descriptor> layers) {

  public Manifest {
    layers = layers == null ? List.of() : List.copyOf(layers);
  }

  /**
   * Parses a Docker schema 2 or OCI manifest as a registry serves it (mediaType guessed from the
   * Content-Type or the document's shape when missing).
   *
   * @param digest the manifest's digest (for messages)
   * @param contentType the Content-Type it was served with, or null
   * @throws IllegalArgumentException for schema 1, indexes, or malformed documents
   */
  public static Manifest parse(byte[] json, String digest, String contentType) {
    JsonNode root = ManifestJson.read(json, "manifest " + digest);
    String mediaType = ManifestJson.mediaType(root, contentType);
    if (!MediaTypes.isManifest(mediaType)) {
      throw new IllegalArgumentException("manifest " + digest + " has unsupported media type " + mediaType
          + (MediaTypes.DOCKER_SCHEMA1.equals(mediaType) ? " (Docker schema 1 is not supported)" : ""));
    }
    Descriptor config = ManifestJson.descriptor(root.path("config"), "config of manifest " + digest);
    List<Descriptor> layers = new ArrayList<>();
    for (JsonNode layer : root.path("layers")) {
      layers.add(ManifestJson.descriptor(layer, "layer of manifest " + digest));
    }
    return new Manifest(2, mediaType, config, layers);
  }

  /** The media-type family (pushed images keep their base image's family). */
  public ImageFormat format() {
    return ImageFormat.of(mediaType);
  }
}
