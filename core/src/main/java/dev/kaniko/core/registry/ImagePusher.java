package dev.kaniko.core.registry;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a built image to one or more destinations: blobs in parallel, skipping those the repository has,
 * mounting from the base image's or an earlier destination's repository on the same registry, then the
 * manifest under every destination tag. Transient failures are retried ({@code --push-retry}).
 */
public final class ImagePusher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ImagePusher.class);
  private static final String EMPTY_SHA256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final RegistryOptions options;
  private final SessionPool sessions;
  private final Retry retry;
  private final AtomicLong bytesPushed = new AtomicLong();

  /** Creates a pusher. */
  public ImagePusher(RegistryOptions options, CredentialSource credentials) {
    this(options, credentials, delay -> Thread.sleep(delay.toMillis()));
  }

  /** Creates a pusher with a custom back-off sleeper (tests). */
  public ImagePusher(RegistryOptions options, CredentialSource credentials, Retry.Sleeper sleeper) {
    this.options = options;
    this.sessions = new SessionPool(options, credentials);
    this.retry = new Retry(options.pushRetry(), options.initialBackoff(), sleeper);
  }

  /**
   * Fails early when a destination cannot be pushed to: authenticates for push and queries the repository.
   * Does nothing with {@code --skip-push-permission-check}. A read-only credential on a basic-auth registry
   * passes this check and fails at upload time.
   */
  public void checkPushPermissions(List<ImageReference> destinations) throws RegistryException {
    if (options.skipPushPermissionCheck()) {
      return;
    }
    for (ImageReference destination : destinations) {
      try {
        retry.run("push permission check for " + destination, () ->
            sessions.get(destination, RegistryOptions.Direction.PUSH).blobExists(EMPTY_SHA256));
      } catch (RegistryException e) {
        if (e.kind() != RegistryException.Kind.UNAUTHORIZED) {
          throw e;
        }
        throw new RegistryException(e.kind(), "unauthorized: no push access to " + destination
            + "; check the credentials for registry " + destination.registry()
            + " (checked before building; --skip-push-permission-check skips this)", e);
      }
    }
  }

  /**
   * Pushes {@code image} to every destination.
   *
   * @throws RegistryException with a one-line message naming registry and image
   */
  public PushResult push(ImageToPush image, List<ImageReference> destinations) throws RegistryException {
    if (destinations.isEmpty()) {
      throw new IllegalArgumentException("no destination to push to");
    }
    byte[] manifest = image.manifest();
    String digest = Digests.sha256(manifest);
    Map<String, List<ImageReference>> byRepository = new LinkedHashMap<>();
    destinations.forEach(d -> byRepository.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d));
    Map<String, ImageReference> holders = new LinkedHashMap<>();
    List<ImageReference> pushed = new ArrayList<>();
    for (List<ImageReference> group : byRepository.values()) {
      ImageReference repository = group.get(0);
      pushBlobs(image, repository, Optional.ofNullable(holders.get(repository.registry())));
      holders.putIfAbsent(repository.registry(), repository);
      for (ImageReference destination : group) {
        if (pushManifest(manifest, image.format().manifestMediaType(), digest, destination)) {
          pushed.add(destination);
        }
      }
    }
    return new PushResult(digest, image.format().manifestMediaType(), manifest, pushed);
  }

  private void pushBlobs(ImageToPush image, ImageReference repository, Optional<ImageReference> earlier)
      throws RegistryException {
    ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), ImagePuller.daemon("kaniko-push"));
    try {
      List<Future<Boolean>> uploads = new ArrayList<>();
      Descriptor config = image.configDescriptor();
      uploads.add(pool.submit(() -> retry.run("upload of config to " + repository.name(),
          () -> pushConfig(repository, config, image.config(), earlier))));
      Map<String, LayerToPush> unique = new LinkedHashMap<>();
      image.layers().forEach(layer -> unique.putIfAbsent(layer.descriptor().digest(), layer));
      for (LayerToPush layer : unique.values()) {
        uploads.add(pool.submit(() -> retry.run("upload of layer " + layer.descriptor().digest() + " to "
            + repository.name(), () -> pushLayer(repository, layer, earlier))));
      }
      ImagePuller.collect(uploads);
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean pushConfig(ImageReference repository, Descriptor config, byte[] bytes,
      Optional<ImageReference> earlier) throws RegistryException {
    if (sessions.get(repository, RegistryOptions.Direction.PUSH).blobExists(config.digest())) {
      return false;
    }
    String mountFrom = earlier.map(ImageReference::repository).orElse(null);
    boolean uploaded = !sessions.get(repository, RegistryOptions.Direction.PUSH, mountFrom).pushBlob(config, bytes, mountFrom);
    if (uploaded) {
      bytesPushed.addAndGet(bytes.length);
    }
    return uploaded;
  }

  private boolean pushLayer(ImageReference repository, LayerToPush layer, Optional<ImageReference> earlier)
      throws RegistryException {
    Descriptor blob = layer.descriptor();
    if (sessions.get(repository, RegistryOptions.Direction.PUSH).blobExists(blob.digest())) {
      LOG.debug("{} already has {}", repository.name(), blob.digest());
      return false;
    }
    Optional<ImageReference> mount = earlier
        .or(() -> layer.mountSource().filter(source -> source.registry().equals(repository.registry())))
        .filter(source -> !source.name().equals(repository.name()));
    String mountFrom = mount.map(ImageReference::repository).orElse(null);
    RegistrySession session = sessions.get(repository, RegistryOptions.Direction.PUSH, mountFrom);
    boolean mounted = session.pushBlob(blob, layer.file(), mountFrom);
    LOG.debug("{} {} to {}", mounted ? "mounted" : "uploaded", blob.digest(), repository.name());
    if (!mounted) {
      bytesPushed.addAndGet(blob.size());
    }
    return !mounted;
  }

  private boolean pushManifest(byte[] manifest, String mediaType, String digest, ImageReference destination)
      throws RegistryException {
    if (destination.digest().isPresent() && destination.tag().isEmpty() && !destination.digest().get().equals(digest)) {
      throw new RegistryException(RegistryException.Kind.OTHER, "cannot push to " + destination
          + ": the built image has digest " + digest);
    }
    String qualifier = destination.tag().orElse(destination.digest().orElse(ImageReference.DEFAULT_TAG));
    try {
      String pushed = retry.run("push of manifest to " + destination, () ->
          sessions.get(destination, RegistryOptions.Direction.PUSH).pushManifest(manifest, mediaType, qualifier));
      if (!pushed.equals(digest)) {
        throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, "registry " + destination.registry()
            + " stored the manifest of " + destination + " as " + pushed + " but it is " + digest);
      }
      return true;
    } catch (RegistryException e) {
      if (e.kind() == RegistryException.Kind.IMMUTABLE_TAG && options.pushIgnoreImmutableTagErrors()) {
        LOG.warn("tag of {} is immutable; ignoring (--push-ignore-immutable-tag-errors): {}", destination, e.getMessage());
        return false;
      }
      throw e;
    }
  }

  /**
   * Blob bytes uploaded so far by this pusher (config and layers); blobs the repository already had or that
   * were mounted from another repository count nothing, nor do manifests.
   */
  public long bytesPushed() {
    return bytesPushed.get();
  }

  /** Closes pooled registry connections. */
  @Override
  public void close() {
    sessions.close();
  }
}
