package dev.kaniko.core.auth;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.RegistryCredential;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's {@code CredentialHelper} as a {@link CredentialSource}. The helper is created on first
 * use (a plugin whose registry is never asked costs nothing); its failures become {@link CredentialException}s
 * naming the provider.
 */
public final class PluginCredentialSource implements CredentialSource {

  private final ProviderFactory<CredentialHelper> factory;
  private final Map<String, String> config;
  private final PluginContext context;
  private CredentialHelper helper;

  /** Adapts the helper {@code factory} creates with {@code config} and {@code context}. */
  public PluginCredentialSource(ProviderFactory<CredentialHelper> factory, Map<String, String> config,
      PluginContext context) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.config = Map.copyOf(config);
    this.context = context;
  }

  @Override
  public Optional<Credential> retrieve(String registry) throws CredentialException {
    try {
      return helper().retrieve(registry).map(PluginCredentialSource::toCredential);
    } catch (PluginException e) {
      throw new CredentialException("credential helper '" + factory.name() + "' failed for " + registry
          + ": " + e.getMessage(), e);
    }
  }

  private synchronized CredentialHelper helper() throws PluginException {
    if (helper == null) {
      helper = factory.create(config, context);
    }
    return helper;
  }

  /** The SPI credential as the registry side's type (same username/secret, {@code <token>} kept). */
  static Credential toCredential(RegistryCredential credential) {
    return new Credential(credential.username(), credential.secret());
  }

  @Override
  public String toString() {
    return "PluginCredentialSource{" + factory.name() + "}";
  }
}
