package dev.kaniko.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.ManifestWriter;
import dev.kaniko.spi.CacheEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * kaniko's cache image: one layer and a config whose {@code created} is the store time (TTL is
 * measured from it) and whose {@code rootfs.diff_ids} holds the layer's diff id.
 */
final class CacheImage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CacheImage() {}

  /** A parsed cache image config: when stored and the layer's diff id. */
  record Info(Instant created, String diffId) {}

  static byte[] config(CacheEntry entry, Instant created) {
    ObjectNode root = JSON.createObjectNode();
    root.put("architecture", "amd64");
    root.put("created", created.toString());
    root.put("os", "linux");
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(entry.diffId());
    root.putObject("config");
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Docker family for Docker layer types, else OCI. */
  static ImageFormat format(CacheEntry entry) {
    return entry.mediaType().startsWith("application/vnd.docker.") ? ImageFormat.DOCKER : ImageFormat.OCI;
  }

  static Descriptor configDescriptor(CacheEntry entry, byte[] config) {
    return new Descriptor(format(entry).configMediaType(), Digests.sha256(config), config.length);
  }

  static Descriptor layerDescriptor(CacheEntry entry) {
    return new Descriptor(entry.mediaType(), entry.digest(), entry.size());
  }

  static byte[] manifest(CacheEntry entry, byte[] config) {
    return ManifestWriter.write(format(entry), configDescriptor(entry, config), List.of(layerDescriptor(entry)));
  }

  /** Reads created time and diff id; throws IOException naming {@code what} if malformed. */
  static Info parse(byte[] config, String what) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(config);
    } catch (IOException e) {
      throw new IOException(what + ": config is not JSON", e);
    }
    JsonNode diffIds = root == null ? null : root.path("rootfs").path("diff_ids");
    if (diffIds == null || diffIds.size() != 1 || !diffIds.get(0).isTextual()) {
      throw new IOException(what + ": config must name exactly one diff id");
    }
    Instant created;
    try {
      created = Instant.parse(root.path("created").asText(""));
    } catch (DateTimeParseException e) {
      throw new IOException(what + ": config has no valid 'created' time", e);
    }
    return new Info(created, diffIds.get(0).asText());
  }

  /** Whether an entry created at {@code created} is still fresh at {@code now}. */
  static boolean fresh(Instant created, java.time.Duration ttl, Instant now) {
    return !created.plus(ttl).isBefore(now);
  }
}
