package dev.kaniko.core.cache;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Manifest;
import dev.kaniko.core.image.Platform;
import dev.kaniko.core.registry.ImagePuller;
import dev.kaniko.core.registry.ImagePusher;
import dev.kaniko.core.registry.ImageToPush;
import dev.kaniko.core.registry.LayerToPush;
import dev.kaniko.core.registry.PulledImage;
import dev.kaniko.core.registry.RegistryException;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.spi.PluginException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Layer cache in a registry repository, kaniko-compatible: one image per key, tagged with the key,
 * holding the layer and a config whose {@code created} is the store time. The registry writes the
 * tag (manifest) only after all blobs are uploaded, so a killed store leaves no tag behind.
 */
public final class RegistryCacheBackend implements CacheBackend, AutoCloseable {
  private static final Platform CACHE_PLATFORM = Platform.parse("linux/amd64");
  private static final int STORE_ATTEMPTS = 4;
  private final ConcurrentHashMap<String, Object> storeLocks = new ConcurrentHashMap<>();

  private final ImageReference repository;
  private final ImagePuller puller;
  private final ImagePusher pusher;
  private final Path workDir;
  private final Duration ttl;
  private final Clock clock;

  /**
   * A backend for {@code repository} (tag and digest ignored).
   *
   * @param workDir where opened layers are downloaded before streaming (deleted on close)
   */
  public RegistryCacheBackend(ImageReference repository, RegistryOptions options, CredentialSource credentials,
      Path workDir, Duration ttl, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.puller = new ImagePuller(options, credentials);
    this.pusher = new ImagePusher(options, credentials);
    this.workDir = Objects.requireNonNull(workDir, "workDir");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<CacheEntry> lookup(String key) throws PluginException {
    ImageReference ref = tagged(key);
    PulledImage image;
    try {
      image = puller.pull(ref, CACHE_PLATFORM);
    } catch (RegistryException e) {
      if (e.kind() == RegistryException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw failure("cannot look up cache image " + ref, e);
    }
    Manifest manifest = image.manifest();
    try {
      if (manifest.layers().size() != 1) {
        throw new IOException("cache image " + ref + " must have exactly one layer");
      }
      CacheImage.Info info = CacheImage.parse(image.config(), "cache image " + ref);
      if (!CacheImage.fresh(info.created(), ttl, clock.instant())) {
        return Optional.empty();
      }
      Descriptor layer = manifest.layers().get(0);
      return Optional.of(new CacheEntry(layer.digest(), info.diffId(), layer.size(), layer.mediaType()));
    } catch (IOException e) {
      throw new PluginException(PluginException.Reason.OTHER, e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(CacheEntry entry) throws PluginException {
    Descriptor layer = CacheImage.layerDescriptor(entry);
    ImageReference source = repository.withDigest(entry.digest());
    PulledImage holder = new PulledImage(source, source,
        new Manifest(2, CacheImage.format(entry).manifestMediaType(), layer, List.of(layer)), new byte[0],
        Optional.empty());
    Path target = workDir.resolve("cache-layer-" + UUID.randomUUID());
    try {
      Files.createDirectories(workDir);
      puller.pullBlob(holder, layer, target);
      return new FilterInputStream(Files.newInputStream(target)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            Files.deleteIfExists(target);
          }
        }
      };
    } catch (RegistryException e) {
      deleteQuietly(target);
      throw failure("cannot download cached layer " + entry.digest() + " from " + repository.name(), e);
    } catch (IOException e) {
      deleteQuietly(target);
      throw new PluginException(PluginException.Reason.UNAVAILABLE, "cannot open cached layer " + entry.digest()
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void store(String key, CacheEntry entry, Path blob) throws PluginException {
    ImageReference ref = tagged(key);
    byte[] config = CacheImage.config(entry, clock.instant());
    ImageToPush image = new ImageToPush(CacheImage.format(entry), config,
        List.of(LayerToPush.ofFile(CacheImage.layerDescriptor(entry), blob)));
    Object lock = storeLocks.computeIfAbsent(ref.toString(), k -> new Object());
    synchronized (lock) {
      for (int attempt = 1; ; attempt++) {
        try {
          pusher.push(image, List.of(ref));
          return;
        } catch (RegistryException e) {
          // Another builder pushing the same blobs can make the registry refuse ours for a moment
          // ("blob unknown", digest mismatch on a shared upload); retry a few times.
          if (attempt >= STORE_ATTEMPTS || e.kind() == RegistryException.Kind.UNAUTHORIZED) {
            throw failure("cannot push cache image " + ref, e);
          }
          pause(attempt);
        }
      }
    }
  }

  private static void pause(int attempt) throws PluginException {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginException(PluginException.Reason.OTHER, "interrupted while storing a cache image", e);
    }
  }

  private ImageReference tagged(String key) {
    return repository.withTag(CacheKeys.requireValid(key));
  }

  private static PluginException failure(String message, RegistryException e) {
    PluginException.Reason reason = switch (e.kind()) {
      case UNAUTHORIZED -> PluginException.Reason.UNAUTHORIZED;
      case NOT_FOUND -> PluginException.Reason.NOT_FOUND;
      case UNAVAILABLE -> PluginException.Reason.UNAVAILABLE;
      default -> PluginException.Reason.OTHER;
    };
    return new PluginException(reason, message + ": " + e.getMessage(), e);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: a temp file in the work dir
    }
  }

  @Override
  public void close() {
    puller.close();
    pusher.close();
  }

  @Override
  public String toString() {
    return "registry:" + repository.name();
  }
}
