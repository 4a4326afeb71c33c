package dev.kaniko.core.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes Docker schema 2 and OCI image manifests as compact JSON with a fixed field order. */
public final class ManifestWriter {

  private ManifestWriter() {}

  /** The manifest bytes for a config and layers. */
  public static byte[] write(ImageFormat format, Descriptor config, List<Descriptor> layers) {
    ObjectNode root = ManifestJson.JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", format.manifestMediaType());
    root.set("config", descriptor(config));
    ArrayNode array = root.putArray("layers");
    layers.forEach(layer -> array.add(descriptor(layer)));
    try {
      return ManifestJson.JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a manifest", e);
    }
  }

  private static ObjectNode descriptor(Descriptor d) {
    ObjectNode node = ManifestJson.JSON.createObjectNode();
    node.put("mediaType", d.mediaType());
    node.put("size", d.size());
    node.put("digest", d.digest());
    if (!d.urls().isEmpty()) {
      d.urls().forEach(node.putArray("urls")::add);
    }
    if (!d.annotations().isEmpty()) {
      ObjectNode annotations = node.putObject("annotations");
      d.annotations().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> annotations.put(e.getKey(), e.getValue()));
    }
    return node;
  }
}
