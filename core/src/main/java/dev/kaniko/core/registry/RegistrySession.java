package dev.kaniko.core.registry;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.Blob;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import dev.kaniko.core.auth.Credential;
import dev.kaniko.core.auth.CredentialException;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageReference;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One authenticated conversation with one repository through jib's RegistryClient. jib's exceptions are
 * translated to our {@link dev.kaniko.core.registry.RegistryException} here and nowhere else.
 */
final class RegistrySession {

  private static final String USER_AGENT = "kaniko-jvm/0.1";

  private final ImageReference image;
  private final RegistryOptions.Direction direction;
  private final RegistryClient client;
  private final FailoverHttpClient http;
  private final JibErrors errors;

  private RegistrySession(ImageReference image, RegistryOptions.Direction direction, RegistryClient client,
      FailoverHttpClient http) {
    this.image = image;
    this.direction = direction;
    this.client = client;
    this.http = http;
    this.errors = new JibErrors(image);
  }

  /** Opens a session for pulls or pushes of {@code image}'s repository, authenticating up front. */
  static RegistrySession open(ImageReference image, RegistryOptions.Direction direction, RegistryOptions options,
      CredentialSource credentials, Consumer<LogEvent> log) throws dev.kaniko.core.registry.RegistryException {
    return open(image, direction, null, options, credentials, log);
  }

  /**
   * Opens a session; for pushes, {@code mountFrom} (a repository of the same registry, or null) is included
   * in the token scope so blobs can be mounted from it.
   */
  static RegistrySession open(ImageReference image, RegistryOptions.Direction direction, String mountFrom,
      RegistryOptions options, CredentialSource credentials, Consumer<LogEvent> log)
      throws dev.kaniko.core.registry.RegistryException {
    Optional<Credential> credential = credential(image, credentials);
    FailoverHttpClient http = JibHttpClients.create(image.registry(), options.transportFor(image.registry(), direction), log);
    RegistryClient.Factory factory = RegistryClient.factory(EventHandlers.NONE, image.apiHost(), image.repository(),
        mountFrom, http).setUserAgent(USER_AGENT);
    credential.ifPresent(c -> factory.setCredential(com.google.cloud.tools.jib.api.Credential.from(c.username(), c.secret())));
    RegistrySession session = new RegistrySession(image, direction, factory.newRegistryClient(), http);
    session.authenticate(credential);
    return session;
  }

  private static Optional<Credential> credential(ImageReference image, CredentialSource credentials)
      throws dev.kaniko.core.registry.RegistryException {
    try {
      return credentials.retrieve(image.registry());
    } catch (CredentialException e) {
      throw new dev.kaniko.core.registry.RegistryException(dev.kaniko.core.registry.RegistryException.Kind.UNAUTHORIZED,
          "cannot get credentials for registry " + image.registry() + " (image " + image + "): " + e.getMessage(), e);
    }
  }

  private void authenticate(Optional<Credential> credential) throws dev.kaniko.core.registry.RegistryException {
    String action = direction == RegistryOptions.Direction.PUSH ? "authenticate for push to" : "authenticate for pull of";
    errors.call(action, () -> {
      boolean bearer = direction == RegistryOptions.Direction.PUSH ? client.doPushBearerAuth() : client.doPullBearerAuth();
      if (!bearer && credential.isPresent() && !credential.get().isIdentityToken()) {
        client.configureBasicAuth();
      }
      return null;
    });
  }

  /** The manifest or index named by {@code qualifier} (tag or digest), as JSON jib re-serialized, and its true digest. */
  FetchedManifest pullManifest(String qualifier) throws dev.kaniko.core.registry.RegistryException {
    ManifestAndDigest<ManifestTemplate> pulled = errors.call("pull manifest of", () -> client.pullManifest(qualifier));
    String digest = pulled.getDigest().toString();
    if (qualifier.contains(":") && !qualifier.equals(digest)) {
      throw new dev.kaniko.core.registry.RegistryException(dev.kaniko.core.registry.RegistryException.Kind.DIGEST_MISMATCH,
          "manifest " + qualifier + " of " + image.name() + " has digest " + digest + "; refusing it");
    }
    ManifestTemplate template = pulled.getManifest();
    try {
      return new FetchedManifest(template.getManifestMediaType(), digest, JsonTemplateMapper.toByteArray(template));
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-serialize a manifest jib parsed", e);
    }
  }

  /** Streams a blob into {@code out}. */
  void pullBlob(Descriptor blob, OutputStream out) throws IOException, dev.kaniko.core.registry.RegistryException {
    DescriptorDigest digest = digest(blob.digest());
    errors.call("pull blob " + blob.digest() + " of", () -> client.pullBlob(digest, size -> { }, bytes -> { }).writeTo(out));
  }

  /** True when the repository already has the blob. */
  boolean blobExists(String digest) throws dev.kaniko.core.registry.RegistryException {
    DescriptorDigest parsed = digest(digest);
    return errors.call("check blob " + digest + " in", () -> client.checkBlob(parsed)).isPresent();
  }

  /**
   * Uploads a blob from a file, or mounts it from {@code mountFrom} (a repository of the same registry, or
   * null). Without a file only a mount can succeed; the upload then fails with {@link BlobNotLocalException}.
   *
   * @return true when it was mounted (or already present) rather than uploaded
   */
  boolean pushBlob(Descriptor blob, Optional<Path> file, String mountFrom)
      throws dev.kaniko.core.registry.RegistryException {
    DescriptorDigest digest = digest(blob.digest());
    Blob content = file.map(Blobs::from).orElseGet(() -> Blobs.from(out -> {
      throw new BlobNotLocalException();
    }, false));
    try {
      return errors.call("push blob " + blob.digest() + " to",
          () -> client.pushBlob(digest, content, mountFrom, bytes -> { }));
    } catch (dev.kaniko.core.registry.RegistryException e) {
      if (file.isEmpty()) {
        throw new dev.kaniko.core.registry.RegistryException(dev.kaniko.core.registry.RegistryException.Kind.OTHER,
            "cannot push layer " + blob.digest() + " to " + image.name() + ": it is not available locally and"
            + (mountFrom == null ? " no repository to mount it from is on this registry"
                : " mounting it from " + mountFrom + " failed") + "; download the base image layers first", e);
      }
      throw e;
    }
  }

  /** Uploads a small blob (a config) from memory, or mounts it from {@code mountFrom} (or null). */
  boolean pushBlob(Descriptor blob, byte[] bytes, String mountFrom) throws dev.kaniko.core.registry.RegistryException {
    DescriptorDigest digest = digest(blob.digest());
    return errors.call("push blob " + blob.digest() + " to",
        () -> client.pushBlob(digest, Blobs.from(out -> out.write(bytes), true), mountFrom, written -> { }));
  }

  /** Thrown into jib when it wants the bytes of a blob we only hoped to mount. */
  static final class BlobNotLocalException extends IOException {
    private static final long serialVersionUID = 1L;

    BlobNotLocalException() {
      super("blob is not available locally");
    }
  }

  /** Pushes manifest bytes under a tag or digest; returns the digest the registry computed. */
  String pushManifest(byte[] manifest, String mediaType, String tagOrDigest) throws dev.kaniko.core.registry.RegistryException {
    RawManifestTemplate template = new RawManifestTemplate(manifest, mediaType);
    return errors.call("push manifest to", () -> client.pushManifest(template, tagOrDigest)).toString();
  }

  private DescriptorDigest digest(String digest) throws dev.kaniko.core.registry.RegistryException {
    try {
      return DescriptorDigest.fromDigest(digest);
    } catch (DigestException e) {
      throw new dev.kaniko.core.registry.RegistryException(dev.kaniko.core.registry.RegistryException.Kind.UNSUPPORTED,
          "digest " + digest + " of " + image.name() + " is not a sha256 digest");
    }
  }

  /** Closes the session's connections. */
  void close() {
    try {
      http.shutDown();
    } catch (IOException e) {
      // closing pooled connections; nothing to report
    }
  }

  /** A manifest or index as pulled: media type, digest over the registry's bytes, JSON. */
  record FetchedManifest(String mediaType, String digest, byte[] json) {}
}
