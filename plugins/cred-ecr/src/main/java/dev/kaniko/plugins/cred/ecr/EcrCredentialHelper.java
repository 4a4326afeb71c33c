package dev.kaniko.plugins.cred.ecr;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.RegistryCredential;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves ECR registries with authorization tokens, cached per registry until shortly before they
 * expire. Other registries get empty (the next source is asked).
 */
public final class EcrCredentialHelper implements CredentialHelper {

  /** A token this close to its expiry is fetched again. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final EcrTokenService tokens;
  private final Clock clock;
  private final System.Logger logger;
  private final Map<String, EcrToken> cache = new ConcurrentHashMap<>();

  /** Creates the helper over a token service, with {@code clock} deciding expiry. */
  public EcrCredentialHelper(EcrTokenService tokens, Clock clock, System.Logger logger) {
    this.tokens = tokens;
    this.clock = clock;
    this.logger = logger;
  }

  @Override
  public Optional<RegistryCredential> retrieve(String registry) throws PluginException {
    Optional<EcrRegistry> ecr = EcrRegistry.parse(registry);
    if (ecr.isEmpty()) {
      return Optional.empty();
    }
    EcrToken token = tokenFor(ecr.get());
    return Optional.of(new RegistryCredential(token.username(), token.password()));
  }

  private synchronized EcrToken tokenFor(EcrRegistry registry) throws PluginException {
    String key = registry.isPublic() ? "public" : registry.accountId() + "@" + registry.region();
    EcrToken cached = cache.get(key);
    if (cached != null && clock.instant().plus(REFRESH_MARGIN).isBefore(cached.expiresAt())) {
      return cached;
    }
    logger.log(System.Logger.Level.DEBUG, cached == null
        ? "getting an ECR authorization token for " + registry.host()
        : "ECR authorization token for " + registry.host() + " expires at " + cached.expiresAt() + "; refreshing");
    EcrToken fresh = tokens.fetch(registry);
    cache.put(key, fresh);
    return fresh;
  }

  @Override
  public String toString() {
    return "EcrCredentialHelper{cached=" + cache.keySet() + "}";
  }
}
