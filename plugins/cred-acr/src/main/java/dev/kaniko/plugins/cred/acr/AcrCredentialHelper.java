package dev.kaniko.plugins.cred.acr;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.RegistryCredential;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves {@code *.azurecr.io} registries: an Azure AD token is exchanged at the registry's
 * {@code /oauth2/exchange} for an ACR refresh token, used as the password of the null-GUID user and cached per
 * registry until shortly before it expires. Other registries get empty.
 */
public final class AcrCredentialHelper implements CredentialHelper {

  /** The user name ACR expects with a refresh token. */
  public static final String USERNAME = "00000000-0000-0000-0000-000000000000";

  /** A token this close to its expiry is fetched again. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final AadTokenSource aad;
  private final AcrTokenExchange exchange;
  private final Clock clock;
  private final System.Logger logger;
  private final Map<String, AzureToken> cache = new ConcurrentHashMap<>();

  /** Creates the helper; {@code clock} decides expiry. */
  public AcrCredentialHelper(AadTokenSource aad, AcrTokenExchange exchange, Clock clock, System.Logger logger) {
    this.aad = aad;
    this.exchange = exchange;
    this.clock = clock;
    this.logger = logger;
  }

  @Override
  public Optional<RegistryCredential> retrieve(String registry) throws PluginException {
    if (!AcrRegistries.matches(registry)) {
      return Optional.empty();
    }
    return Optional.of(new RegistryCredential(USERNAME, refreshToken(registry).value()));
  }

  private synchronized AzureToken refreshToken(String registry) throws PluginException {
    AzureToken cached = cache.get(registry);
    if (cached != null && clock.instant().plus(REFRESH_MARGIN).isBefore(cached.expiresAt())) {
      return cached;
    }
    logger.log(System.Logger.Level.DEBUG, cached == null
        ? "exchanging an Azure AD token for an ACR refresh token for " + registry
        : "ACR refresh token for " + registry + " expires at " + cached.expiresAt() + "; refreshing");
    AzureToken fresh = exchange.exchange(registry, aad.token(), aad.tenant());
    cache.put(registry, fresh);
    return fresh;
  }

  @Override
  public String toString() {
    return "AcrCredentialHelper{cached=" + cache.keySet() + "}";
  }
}
