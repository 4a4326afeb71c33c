package dev.kaniko.plugins.cred.gcr;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.ProviderFactory;
import java.time.Clock;
import java.util.Map;

/** Creates the {@code gcr} credential helper; the Google auth library is loaded only by {@link #create}. */
public final class GcrCredentialHelperFactory implements ProviderFactory<CredentialHelper> {

  /** The factory name, which config.json's {@code gcr} and {@code gcloud} map to. */
  public static final String NAME = "gcr";

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
    return new GcrCredentialHelper(new AdcTokenService(context.env()), Clock.systemUTC(), context.logger());
  }
}
