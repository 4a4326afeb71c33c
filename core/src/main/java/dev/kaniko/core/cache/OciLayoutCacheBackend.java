package dev.kaniko.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.Manifest;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.spi.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Layer cache in an OCI image layout ({@code --cache-repo oci:/path}): one image per key, tagged
 * with the key ({@code org.opencontainers.image.ref.name}). Blobs are renamed into place first and
 * {@code index.json} is rewritten last (temp + rename, under a file lock shared across processes).
 */
public final class OciLayoutCacheBackend implements CacheBackend {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path root;
  private final Duration ttl;
  private final Clock clock;

  /** A backend over the layout at {@code root} (created on first store). */
  public OciLayoutCacheBackend(Path root, Duration ttl, Clock clock) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<CacheEntry> lookup(String key) throws PluginException {
    CacheKeys.requireValid(key);
    try {
      Optional<Descriptor> manifestDescriptor = findInIndex(key);
      if (manifestDescriptor.isEmpty()) {
        return Optional.empty();
      }
      String what = "cache image " + key + " in " + root;
      Manifest manifest = Manifest.parse(readBlob(manifestDescriptor.get().digest()), manifestDescriptor.get().digest(),
          manifestDescriptor.get().mediaType());
      if (manifest.layers().size() != 1) {
        throw new IOException(what + " must have exactly one layer");
      }
      CacheImage.Info info = CacheImage.parse(readBlob(manifest.config().digest()), what);
      Descriptor layer = manifest.layers().get(0);
      if (!CacheImage.fresh(info.created(), ttl, clock.instant())
          || !Files.isRegularFile(AtomicFiles.blobPath(root, layer.digest()))) {
        return Optional.empty();
      }
      return Optional.of(new CacheEntry(layer.digest(), info.diffId(), layer.size(), layer.mediaType()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      throw new PluginException(PluginException.Reason.OTHER, "cannot read cache entry " + key + " from " + root + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(CacheEntry entry) throws PluginException {
    try {
      return Files.newInputStream(AtomicFiles.blobPath(root, entry.digest()));
    } catch (NoSuchFileException e) {
      throw new PluginException(PluginException.Reason.NOT_FOUND, "cached layer " + entry.digest() + " vanished from "
          + root, e);
    } catch (IOException e) {
      throw new PluginException(PluginException.Reason.UNAVAILABLE, "cannot open cached layer " + entry.digest()
          + " in " + root, e);
    }
  }

  @Override
  public void store(String key, CacheEntry entry, Path blob) throws PluginException {
    CacheKeys.requireValid(key);
    Path tmp = root.resolve(".tmp");
    try {
      Path layerPath = AtomicFiles.blobPath(root, entry.digest());
      if (!Files.isRegularFile(layerPath)) {
        AtomicFiles.copyVerified(blob, layerPath, entry.digest(), entry.size(), tmp);
      }
      byte[] config = CacheImage.config(entry, clock.instant());
      AtomicFiles.write(tmp, AtomicFiles.blobPath(root, Digests.sha256(config)), config);
      byte[] manifest = CacheImage.manifest(entry, config);
      String manifestDigest = Digests.sha256(manifest);
      AtomicFiles.write(tmp, AtomicFiles.blobPath(root, manifestDigest), manifest);
      tagInIndex(key, new Descriptor(CacheImage.format(entry).manifestMediaType(), manifestDigest, manifest.length));
    } catch (IOException e) {
      throw new PluginException(PluginException.Reason.UNAVAILABLE, "cannot store cache entry " + key + " in " + root
          + ": " + e.getMessage(), e);
    }
  }

  private Optional<Descriptor> findInIndex(String key) throws IOException {
    JsonNode index = JSON.readTree(Files.readAllBytes(root.resolve("index.json")));
    for (JsonNode m : index.path("manifests")) {
      if (key.equals(m.path("annotations").path(MediaTypes.REF_NAME_ANNOTATION).asText(null))) {
        return Optional.of(new Descriptor(m.path("mediaType").asText(), m.path("digest").asText(),
            m.path("size").asLong()));
      }
    }
    return Optional.empty();
  }

  private byte[] readBlob(String digest) throws IOException {
    byte[] bytes = Files.readAllBytes(AtomicFiles.blobPath(root, digest));
    if (!Digests.sha256(bytes).equals(digest)) {
      throw new IOException("blob " + digest + " is corrupt");
    }
    return bytes;
  }

  private void tagInIndex(String key, Descriptor manifest) throws IOException {
    Files.createDirectories(root);
    ReentrantLock lock = LOCKS.computeIfAbsent(root, p -> new ReentrantLock());
    lock.lock();
    try (FileChannel channel = FileChannel.open(root.resolve(".index.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
      ObjectNode index = readIndex();
      ArrayNode manifests = index.withArray("manifests");
      for (int i = manifests.size() - 1; i >= 0; i--) {
        if (key.equals(manifests.get(i).path("annotations").path(MediaTypes.REF_NAME_ANNOTATION).asText(null))) {
          manifests.remove(i);
        }
      }
      ObjectNode node = manifests.addObject();
      node.put("mediaType", manifest.mediaType());
      node.put("digest", manifest.digest());
      node.put("size", manifest.size());
      node.putObject("annotations").put(MediaTypes.REF_NAME_ANNOTATION, key);
      Path tmp = root.resolve(".tmp");
      AtomicFiles.write(tmp, root.resolve("oci-layout"),
          ("{\"imageLayoutVersion\":\"" + MediaTypes.OCI_LAYOUT_VERSION + "\"}").getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(tmp, root.resolve("index.json"), index.toString().getBytes(StandardCharsets.UTF_8));
    } finally {
      lock.unlock();
    }
  }

  private ObjectNode readIndex() throws IOException {
    Path file = root.resolve("index.json");
    if (!Files.exists(file)) {
      ObjectNode index = JSON.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", MediaTypes.OCI_INDEX);
      index.putArray("manifests");
      return index;
    }
    return (ObjectNode) JSON.readTree(Files.readAllBytes(file));
  }

  @Override
  public String toString() {
    return "oci:" + root;
  }
}
