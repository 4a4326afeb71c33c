package dev.kaniko.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.spi.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Layer cache in a local directory: {@code blobs/sha256/<hex>} and {@code entries/<key>.json},
 * each written to {@code tmp/} and renamed into place (blob first, entry last), so concurrent
 * builds and killed stores never expose a half-written entry.
 */
public final class LocalDirCacheBackend implements CacheBackend {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Duration ttl;
  private final Clock clock;

  /** A backend rooted at {@code root} whose entries expire {@code ttl} after they were stored. */
  public LocalDirCacheBackend(Path root, Duration ttl, Clock clock) {
    this.root = Objects.requireNonNull(root, "root");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<CacheEntry> lookup(String key) throws PluginException {
    Path file = entryPath(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("cannot read cache entry " + file, e);
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      Instant created = Instant.parse(node.path("created").asText(""));
      CacheEntry entry = new CacheEntry(node.path("digest").asText(), node.path("diffId").asText(),
          node.path("size").asLong(), node.path("mediaType").asText());
      if (!CacheImage.fresh(created, ttl, clock.instant())
          || !Files.isRegularFile(AtomicFiles.blobPath(root, entry.digest()))) {
        return Optional.empty();
      }
      return Optional.of(entry);
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      throw new PluginException(PluginException.Reason.OTHER, "cache entry " + file + " is corrupt: " + e.getMessage(),
          e);
    }
  }

  @Override
  public InputStream open(CacheEntry entry) throws PluginException {
    Path blob = AtomicFiles.blobPath(root, entry.digest());
    try {
      return Files.newInputStream(blob);
    } catch (NoSuchFileException e) {
      throw new PluginException(PluginException.Reason.NOT_FOUND, "cached layer " + entry.digest() + " vanished from "
          + root, e);
    } catch (IOException e) {
      throw unavailable("cannot open cached layer " + blob, e);
    }
  }

  @Override
  public void store(String key, CacheEntry entry, Path blob) throws PluginException {
    Path entryFile = entryPath(key);
    Path tmp = root.resolve("tmp");
    try {
      Path target = AtomicFiles.blobPath(root, entry.digest());
      if (!Files.isRegularFile(target)) {
        AtomicFiles.copyVerified(blob, target, entry.digest(), entry.size(), tmp);
      }
      ObjectNode node = JSON.createObjectNode();
      node.put("digest", entry.digest());
      node.put("diffId", entry.diffId());
      node.put("size", entry.size());
      node.put("mediaType", entry.mediaType());
      node.put("created", clock.instant().toString());
      AtomicFiles.write(tmp, entryFile, node.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unavailable("cannot store cache entry " + key + " in " + root + ": " + e.getMessage(), e);
    }
  }

  private Path entryPath(String key) {
    return root.resolve("entries").resolve(CacheKeys.requireValid(key) + ".json");
  }

  private static PluginException unavailable(String message, IOException e) {
    return new PluginException(PluginException.Reason.UNAVAILABLE, message, e);
  }

  @Override
  public String toString() {
    return "dir:" + root;
  }
}
