package dev.kaniko.plugins.cred.acr;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.ProviderFactory;
import java.time.Clock;
import java.util.Map;

/** Creates the {@code acr} credential helper; the Azure SDK is loaded only by {@link #create}. */
public final class AcrCredentialHelperFactory implements ProviderFactory<CredentialHelper> {

  /** The factory name, which config.json's {@code acr-env} maps to. */
  public static final String NAME = "acr";

  @Override
  public Class<CredentialHelper> type() {
    return CredentialHelper.class;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CredentialHelper create(Map<String, String> config, PluginContext context) {
    Map<String, String> env = context.env();
    return new AcrCredentialHelper(new AzureAdTokenService(env), new AcrTokenExchange(env), Clock.systemUTC(),
        context.logger());
  }
}
