package dev.kaniko.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageIndex;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Manifest;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.image.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls base images: resolves a reference (mirrors, registry maps) to a single-platform manifest (selecting
 * from indexes), fetches its config, and downloads layers in parallel into files, each verified against its
 * digest while streaming. Transient failures are retried ({@code --image-download-retry}).
 */
public final class ImagePuller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
  private static final int MAX_CONFIG_BYTES = 16 << 20;
  private static final ObjectMapper CONFIG_JSON = new ObjectMapper();

  private final RegistryOptions options;
  private final SessionPool sessions;
  private final Retry retry;
  private final AtomicLong bytesPulled = new AtomicLong();

  /** Creates a puller. */
  public ImagePuller(RegistryOptions options, CredentialSource credentials) {
    this(options, credentials, delay -> Thread.sleep(delay.toMillis()));
  }

  /** Creates a puller with a custom back-off sleeper (tests). */
  public ImagePuller(RegistryOptions options, CredentialSource credentials, Retry.Sleeper sleeper) {
    this.options = options;
    this.sessions = new SessionPool(options, credentials);
    this.retry = new Retry(options.pullRetry(), options.initialBackoff(), sleeper);
  }

  /**
   * Resolves {@code reference} for {@code platform}, trying mirrors first.
   *
   * @throws RegistryException with a one-line message naming registry and image
   */
  public PulledImage pull(ImageReference reference, Platform platform) throws RegistryException {
    List<ImageReference> candidates = PullCandidates.of(reference, options);
    RegistryException last = null;
    for (ImageReference candidate : candidates) {
      try {
        PulledImage image = retry.run("pull of " + candidate, () -> pullFrom(reference, candidate, platform));
        LOG.debug("resolved {} to {}", reference, image.source());
        return image;
      } catch (RegistryException e) {
        if (e.kind() == RegistryException.Kind.DIGEST_MISMATCH) {
          throw e;
        }
        if (candidates.size() > 1) {
          LOG.warn("could not pull {} from {}: {}", reference, candidate.registry(), e.getMessage());
        }
        sessions.forget(candidate);
        last = e;
      }
    }
    throw last;
  }

  private PulledImage pullFrom(ImageReference requested, ImageReference candidate, Platform platform)
      throws RegistryException {
    RegistrySession session = sessions.get(candidate, RegistryOptions.Direction.PULL);
    RegistrySession.FetchedManifest top = session.pullManifest(candidate.qualifier());
    Optional<String> indexDigest = Optional.empty();
    RegistrySession.FetchedManifest chosen = top;
    if (MediaTypes.isIndex(top.mediaType())) {
      ImageIndex index = ImageIndex.parse(top.json(), top.digest(), top.mediaType());
      PlatformSelector selector = new PlatformSelector(entry -> variantOf(session, candidate, entry));
      Descriptor entry = selector.select(index, platform, candidate.toString());
      chosen = session.pullManifest(entry.digest());
      indexDigest = Optional.of(top.digest());
    }
    Manifest manifest = parseManifest(chosen, candidate);
    byte[] config = pullConfig(session, candidate, manifest.config());
    return new PulledImage(requested, candidate.withDigest(chosen.digest()), manifest, config, indexDigest);
  }

  private static Manifest parseManifest(RegistrySession.FetchedManifest fetched, ImageReference image)
      throws RegistryException {
    try {
      return Manifest.parse(fetched.json(), fetched.digest(), fetched.mediaType());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(RegistryException.Kind.UNSUPPORTED, "cannot use " + image + ": " + e.getMessage(), e);
    }
  }

  private Optional<String> variantOf(RegistrySession session, ImageReference image, Descriptor entry)
      throws RegistryException {
    Manifest child = parseManifest(session.pullManifest(entry.digest()), image);
    String variant = variantOfConfig(pullConfig(session, image, child.config()), image);
    return variant.isEmpty() ? Optional.empty() : Optional.of(variant);
  }

  private static String variantOfConfig(byte[] config, ImageReference image) throws RegistryException {
    try {
      JsonNode root = CONFIG_JSON.readTree(config);
      return root == null ? "" : root.path("variant").asText("");
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.UNSUPPORTED, "config of " + image + " is not valid JSON", e);
    }
  }

  private byte[] pullConfig(RegistrySession session, ImageReference image, Descriptor config)
      throws RegistryException {
    if (config.size() > MAX_CONFIG_BYTES) {
      throw new RegistryException(RegistryException.Kind.UNSUPPORTED, "config of " + image + " is "
          + config.size() + " bytes; refusing configs over " + MAX_CONFIG_BYTES);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(config.size(), 256));
    try {
      session.pullBlob(config, out);
    } catch (IOException e) {
      throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "cannot pull config of " + image + ": "
          + JibErrors.firstLine(e), e);
    }
    byte[] bytes = out.toByteArray();
    bytesPulled.addAndGet(bytes.length);
    String actual = Digests.sha256(bytes);
    if (!actual.equals(config.digest())) {
      throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "config of " + image + " has digest "
          + actual + " but " + config.digest() + " was expected; refusing the download");
    }
    return bytes;
  }

  /**
   * Downloads one blob of {@code image} into {@code target}, verified against its descriptor.
   *
   * @throws RegistryException (DIGEST_MISMATCH) when the registry serves different bytes
   */
  public Path pullBlob(PulledImage image, Descriptor blob, Path target) throws RegistryException {
    String what = "blob " + blob.digest() + " of " + image.source().name();
    return retry.run("download of " + what, () -> {
      RegistrySession session = sessions.get(image.source(), RegistryOptions.Direction.PULL);
      try {
        Path written = VerifyingBlobWriter.write(blob, target, what, out -> session.pullBlob(blob, out));
        bytesPulled.addAndGet(blob.size());
        return written;
      } catch (IOException e) {
        throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "cannot download " + what + ": "
            + JibErrors.firstLine(e), e);
      }
    });
  }

  /**
   * Downloads all layers of {@code image} into {@code dir} in parallel, as files named by digest hex.
   *
   * @return the layer files, in manifest order
   */
  public List<Path> pullLayers(PulledImage image, Path dir) throws RegistryException {
    List<Descriptor> layers = image.manifest().layers();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.parallelism(), layers.size())),
        daemon("kaniko-pull"));
    try {
      List<Future<Path>> downloads = new ArrayList<>();
      for (Descriptor layer : layers) {
        Path target = dir.resolve(layer.digest().replace(':', '-'));
        downloads.add(pool.submit(() -> pullBlob(image, layer, target)));
      }
      return collect(downloads);
    } finally {
      pool.shutdownNow();
    }
  }

  static <T> List<T> collect(List<Future<T>> futures) throws RegistryException {
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        if (e.getCause() instanceof RegistryException registry) {
          throw registry;
        }
        throw new IllegalStateException("blob transfer failed unexpectedly", e.getCause());
      } catch (InterruptedException e) {
        futures.forEach(f -> f.cancel(true));
        Thread.currentThread().interrupt();
        throw new RegistryException(RegistryException.Kind.OTHER, "interrupted during blob transfers", e);
      }
    }
    return results;
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Blob bytes downloaded so far by this puller: configs (including those read to select a platform variant)
   * and layers, each counted once per verified download (not manifests).
   */
  public long bytesPulled() {
    return bytesPulled.get();
  }

  /** Closes pooled registry connections. */
  @Override
  public void close() {
    sessions.close();
  }
}
