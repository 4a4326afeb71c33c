package dev.kaniko.plugins.cred.gcr;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.RegistryCredential;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Serves Google registries with user {@code oauth2accesstoken} and an Application Default Credentials access
 * token, shared by all of them and fetched again shortly before it expires. Other registries get empty.
 */
public final class GcrCredentialHelper implements CredentialHelper {

  /** The registry user name Google's registries expect with an access token. */
  public static final String USERNAME = "oauth2accesstoken";

  /** A token this close to its expiry is fetched again. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final GoogleTokenService tokens;
  private final Clock clock;
  private final System.Logger logger;
  private GoogleToken cached;

  /** Creates the helper over a token service, with {@code clock} deciding expiry. */
  public GcrCredentialHelper(GoogleTokenService tokens, Clock clock, System.Logger logger) {
    this.tokens = tokens;
    this.clock = clock;
    this.logger = logger;
  }

  @Override
  public Optional<RegistryCredential> retrieve(String registry) throws PluginException {
    if (!GoogleRegistries.matches(registry)) {
      return Optional.empty();
    }
    return Optional.of(new RegistryCredential(USERNAME, token(registry).value()));
  }

  private synchronized GoogleToken token(String registry) throws PluginException {
    if (cached != null && clock.instant().plus(REFRESH_MARGIN).isBefore(cached.expiresAt())) {
      return cached;
    }
    logger.log(System.Logger.Level.DEBUG, cached == null
        ? "getting a Google access token for " + registry
        : "Google access token expires at " + cached.expiresAt() + "; refreshing for " + registry);
    cached = tokens.fetch();
    return cached;
  }

  @Override
  public String toString() {
    return "GcrCredentialHelper{}";
  }
}
