package dev.kaniko.plugins.cred.ecr;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/**
 * The cred-ecr plugin: Amazon ECR and ECR Public registry credentials. This class never references SDK
 * types, so loading the plugin stays cheap.
 */
public final class EcrCredentialPlugin implements Plugin {

  /** The plugin id. */
  public static final String ID = "cred-ecr";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String spiVersion() {
    return SpiVersion.CURRENT;
  }

  @Override
  public List<ProviderFactory<?>> factories() {
    return List.of(new EcrCredentialHelperFactory());
  }
}
