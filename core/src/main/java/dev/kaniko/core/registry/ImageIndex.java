package dev.kaniko.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A manifest list or OCI image index: its digest, media type and entries. */
public record ImageIndex(String mediaType, String digest, List<IndexEntry> manifests) {

  /** Validates and copies the parts. */
  public ImageIndex {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    manifests = List.copyOf(manifests);
  }

  /** Parses a Docker manifest list or OCI index (platform variants kept). */
  public static ImageIndex parse(byte[] json, String digest, String contentType) {
    JsonNode root = ManifestJson.read(json, "index " + digest);
    String mediaType = ManifestJson.mediaType(root, contentType);
    if (!MediaTypes.isIndex(mediaType)) {
      throw new IllegalArgumentException("index " + digest + " has media type " + mediaType);
    }
    List<IndexEntry> entries = new ArrayList<>();
    for (JsonNode manifest : root.path("manifests")) {
      Descriptor descriptor = ManifestJson.descriptor(manifest, "entry of index " + digest);
      entries.add(new IndexEntry(descriptor, platform(manifest.path("platform"))));
    }
    return new ImageIndex(mediaType, digest, entries);
  }

  private static Optional<Platform> platform(JsonNode node) {
    String os = node.path("os").asText("");
    String arch = node.path("architecture").asText("");
    if (os.isEmpty() || arch.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Platform(os, arch, node.path("variant").asText("")));
  }
}
