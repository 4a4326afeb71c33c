package dev.kaniko.plugins.cred.ecr;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.ProviderFactory;
import java.time.Clock;
import java.util.Map;

/** Creates the {@code ecr} credential helper; the AWS SDK is loaded only by {@link #create}. */
public final class EcrCredentialHelperFactory implements ProviderFactory<CredentialHelper> {

  /** The factory name, which config.json's {@code ecr-login} maps to. */
  public static final String NAME = "ecr";

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
    return new EcrCredentialHelper(new SdkEcrTokenService(context.env()), Clock.systemUTC(), context.logger());
  }
}
