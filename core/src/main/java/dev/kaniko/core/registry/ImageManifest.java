package dev.kaniko.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A single-platform image manifest: its digest and media type, config descriptor and layer descriptors. */
public record ImageManifest(String mediaType, String digest, Descriptor config, List<Descriptor> layers) {

  /** Validates and copies the parts. */
  public ImageManifest {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(layers);
  }

  /**
   * Parses a Docker schema 2 or OCI manifest.
   *
   * @param digest the manifest's digest (computed by the caller over the exact bytes)
   * @param contentType the Content-Type it was served with, used when the document has no mediaType
   * @throws IllegalArgumentException for schema 1, indexes, or malformed documents
   */
  public static ImageManifest parse(byte[] json, String digest, String contentType) {
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
    return new ImageManifest(mediaType, digest, config, layers);
  }

  /** The media-type family (pushed images keep their base image's family). */
  public ImageFormat format() {
    return ImageFormat.of(mediaType);
  }
}
