package dev.kaniko.core.cache;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.spi.CacheBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Picks the layer-cache backend for {@code --cache-repo}: {@code oci:/path} is an OCI layout,
 * {@code dir:/path} a local directory, anything else a registry repository; without
 * {@code --cache-repo}, kaniko's default {@code <first destination repository>/cache}.
 */
public final class CacheBackends {
  private CacheBackends() {}

  /**
   * The backend for a {@code --cache-repo} value (or its default).
   *
   * @param workDir scratch space for the registry backend's downloads
   * @throws IllegalArgumentException (one line) when there is no cache repo and no destination, or
   *     the repository is not a valid reference
   */
  public static CacheBackend forRepo(Optional<String> cacheRepo, List<ImageReference> destinations, Duration ttl,
      RegistryOptions options, CredentialSource credentials, Path workDir, Clock clock) {
    String repo = cacheRepo.filter(r -> !r.isBlank()).orElseGet(() -> defaultRepo(destinations));
    if (repo.startsWith("oci:")) {
      return new OciLayoutCacheBackend(Path.of(repo.substring("oci:".length())), ttl, clock);
    }
    if (repo.startsWith("dir:")) {
      return new LocalDirCacheBackend(Path.of(repo.substring("dir:".length())), ttl, clock);
    }
    ImageReference reference;
    try {
      reference = ImageReference.parse(repo);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cache-repo: " + e.getMessage(), e);
    }
    return new RegistryCacheBackend(reference, options, credentials, workDir, ttl, clock);
  }

  /** kaniko's default cache repository: the first destination's repository plus {@code /cache}. */
  public static String defaultRepo(List<ImageReference> destinations) {
    if (destinations.isEmpty()) {
      throw new IllegalArgumentException("--cache needs --cache-repo when there is no --destination");
    }
    return destinations.get(0).name() + "/cache";
  }
}
