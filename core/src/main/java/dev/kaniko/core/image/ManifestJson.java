package dev.kaniko.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads manifests and indexes from JSON (Docker schema 2 and OCI); schema 1 is rejected. */
final class ManifestJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private ManifestJson() {}

  static JsonNode read(byte[] json, String what) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not valid JSON", e);
    }
  }

  /** The media type of a manifest document: its {@code mediaType} field, else guessed from its shape. */
  static String mediaType(JsonNode root, String fallback) {
    if (root.path("schemaVersion").asInt(0) == 1) {
      return MediaTypes.DOCKER_SCHEMA1;
    }
    String declared = root.path("mediaType").asText("");
    if (!declared.isEmpty()) {
      return declared;
    }
    if (fallback != null && !fallback.isEmpty()) {
      return fallback;
    }
    return root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
  }

  static Descriptor descriptor(JsonNode node, String what) {
    String digest = node.path("digest").asText("");
    if (digest.isEmpty() || !node.path("size").canConvertToLong()) {
      throw new IllegalArgumentException(what + " has no digest or size");
    }
    List<String> urls = new ArrayList<>();
    node.path("urls").forEach(url -> urls.add(url.asText()));
    Map<String, String> annotations = new LinkedHashMap<>();
    node.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
    return new Descriptor(node.path("mediaType").asText(""), digest, node.path("size").asLong(), urls,
        new TreeMap<>(annotations), platform(node.path("platform")));
  }

  /** The platform of an index entry, or null when it declares none (or no os/architecture). */
  static Platform platform(JsonNode node) {
    String os = node.path("os").asText("");
    String arch = node.path("architecture").asText("");
    if (os.isEmpty() || arch.isEmpty()) {
      return null;
    }
    return new Platform(os, arch, node.path("variant").asText(""));
  }
}
