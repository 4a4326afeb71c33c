package dev.kaniko.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageJson;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Manifest;
import dev.kaniko.core.image.Platform;
import dev.kaniko.core.registry.PulledImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The base-image cache ({@code --cache-dir}, filled by the warmer): images addressed by manifest
 * digest under {@code images/sha256-<hex>/} (each written into {@code tmp/} and renamed into place
 * whole) and a small index, {@code refs/<hash>.json}, from reference + platform to digest and
 * cache time (also renamed into place). Builds only read it.
 */
public final class BaseImageCache {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Duration ttl;
  private final Clock clock;

  /**
   * A cache at {@code root}.
   *
   * @param ttl entries cached longer ago are stale: {@link #lookup} misses them, the warmer refreshes them
   */
  public BaseImageCache(Path root, Duration ttl, Clock clock) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The cache directory. */
  public Path root() {
    return root;
  }

  /**
   * The fresh cached image for {@code reference} on {@code platform}; a digest reference also finds
   * an image cached under another name. Layer files are checked to exist with their sizes.
   *
   * @throws IOException if an entry exists but is unreadable or inconsistent
   */
  public Optional<CachedImage> lookup(ImageReference reference, Platform platform) throws IOException {
    Optional<RefEntry> ref = readRef(reference, platform);
    if (ref.isPresent()) {
      if (!CacheImage.fresh(ref.get().cachedAt(), ttl, clock.instant())) {
        return Optional.empty();
      }
      return readImage(reference, ref.get().digest(), ref.get().cachedAt());
    }
    Optional<String> digest = reference.digest();
    if (digest.isPresent() && Files.isDirectory(imageDir(digest.get()))) {
      Instant cachedAt = Files.getLastModifiedTime(imageDir(digest.get())).toInstant();
      return CacheImage.fresh(cachedAt, ttl, clock.instant()) ? readImage(reference, digest.get(), cachedAt)
          : Optional.empty();
    }
    return Optional.empty();
  }

  /** When {@code reference} on {@code platform} was cached, fresh or not. */
  public Optional<Instant> cachedAt(ImageReference reference, Platform platform) throws IOException {
    return readRef(reference, platform).map(RefEntry::cachedAt);
  }

  /** Whether {@code reference} on {@code platform} is cached and within the TTL. */
  public boolean isFresh(ImageReference reference, Platform platform) throws IOException {
    Optional<Instant> at = cachedAt(reference, platform);
    return at.isPresent() && CacheImage.fresh(at.get(), ttl, clock.instant())
        && Files.isDirectory(imageDir(readRef(reference, platform).orElseThrow().digest()));
  }

  /** A private staging directory under {@code tmp/}; download layers into {@link Staging#layersDir()}. */
  public Staging stage() throws IOException {
    Path dir = root.resolve("tmp").resolve("stage-" + UUID.randomUUID());
    Files.createDirectories(dir.resolve("layers"));
    return new Staging(dir);
  }

  /** A directory being filled for {@link #commit}; {@link #close()} removes what was not committed. */
  public static final class Staging implements AutoCloseable {
    private final Path dir;

    private Staging(Path dir) {
      this.dir = dir;
    }

    /** Where the layer files go, named {@code sha256-<hex>} (as {@code ImagePuller.pullLayers} names them). */
    public Path layersDir() {
      return dir.resolve("layers");
    }

    @Override
    public void close() throws IOException {
      deleteTree(dir);
    }
  }

  /**
   * Moves a staged image into the cache and points {@code image.requested()} on {@code platform} at
   * it. An image already cached under the same digest is replaced when {@code replace}, else kept.
   *
   * @throws IOException if a layer file is missing or has the wrong size
   */
  public CachedImage commit(Staging staging, PulledImage image, Platform platform, boolean replace)
      throws IOException {
    Manifest manifest = image.manifest();
    for (Descriptor layer : manifest.layers()) {
      Path file = staging.layersDir().resolve(fileName(layer.digest()));
      if (!Files.isRegularFile(file) || Files.size(file) != layer.size()) {
        throw new IOException("cannot cache " + image.requested() + ": layer " + layer.digest() + " was not downloaded"
            + " completely");
      }
    }
    Files.write(staging.dir.resolve("manifest.json"), ImageJson.serialize(manifest).bytes());
    Files.write(staging.dir.resolve("config.json"), image.config());
    Files.write(staging.dir.resolve("image.json"), imageJson(image));
    Path target = imageDir(image.digest());
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(target) && replace) {
      Path trash = root.resolve("tmp").resolve("old-" + UUID.randomUUID());
      Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(trash);
    }
    if (!Files.isDirectory(target)) {
      try {
        Files.move(staging.dir, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
        // another warmer committed the same digest first: its copy is as good as ours
      }
    }
    Instant now = clock.instant();
    writeRef(image.requested(), platform, image.digest(), now);
    return readImage(image.requested(), image.digest(), now).orElseThrow(
        () -> new IOException("cached image " + image.digest() + " vanished from " + root));
  }

  private Optional<CachedImage> readImage(ImageReference requested, String digest, Instant cachedAt)
      throws IOException {
    Path dir = imageDir(digest);
    try {
      JsonNode meta = JSON.readTree(Files.readAllBytes(dir.resolve("image.json")));
      byte[] manifestJson = Files.readAllBytes(dir.resolve("manifest.json"));
      Manifest manifest = Manifest.parse(manifestJson, digest, meta.path("mediaType").asText(null));
      byte[] config = Files.readAllBytes(dir.resolve("config.json"));
      if (!Digests.sha256(config).equals(manifest.config().digest())) {
        throw new IOException("cached image " + digest + " in " + root + " has a corrupt config");
      }
      List<Path> layers = new ArrayList<>();
      for (Descriptor layer : manifest.layers()) {
        Path file = dir.resolve("layers").resolve(fileName(layer.digest()));
        if (!Files.isRegularFile(file) || Files.size(file) != layer.size()) {
          throw new IOException("cached image " + digest + " in " + root + " is missing layer " + layer.digest());
        }
        layers.add(file);
      }
      ImageReference source = ImageReference.parse(meta.path("source").asText()).withDigest(digest);
      Optional<String> index = Optional.ofNullable(meta.path("indexDigest").asText(null));
      return Optional.of(new CachedImage(requested, source, manifest, config, index, layers, cachedAt));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      throw new IOException("cached image " + digest + " in " + root + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static byte[] imageJson(PulledImage image) {
    ObjectNode node = JSON.createObjectNode();
    node.put("mediaType", image.manifest().mediaType());
    node.put("digest", image.digest());
    node.put("source", image.source().name());
    image.indexDigest().ifPresent(d -> node.put("indexDigest", d));
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private record RefEntry(String digest, Instant cachedAt) {}

  private Optional<RefEntry> readRef(ImageReference reference, Platform platform) throws IOException {
    Path file = refFile(reference, platform);
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(file));
      return Optional.of(new RefEntry(node.path("digest").asText(), Instant.parse(node.path("cachedAt").asText())));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (DateTimeParseException e) {
      throw new IOException("cache index entry " + file + " is corrupt", e);
    }
  }

  private void writeRef(ImageReference reference, Platform platform, String digest, Instant now) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("reference", reference.toString());
    node.put("platform", platform.toString());
    node.put("digest", digest);
    node.put("cachedAt", now.toString());
    AtomicFiles.write(root.resolve("tmp"), refFile(reference, platform), node.toString().getBytes(StandardCharsets.UTF_8));
  }

  private Path refFile(ImageReference reference, Platform platform) {
    String key = Digests.sha256((reference + "\n" + platform).getBytes(StandardCharsets.UTF_8)).substring(7);
    return root.resolve("refs").resolve(key + ".json");
  }

  /** {@code images/sha256-<hex>} for a manifest digest. */
  Path imageDir(String digest) {
    AtomicFiles.blobPath(root, digest);
    return root.resolve("images").resolve(fileName(digest));
  }

  private static String fileName(String digest) {
    return digest.replace(':', '-');
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
