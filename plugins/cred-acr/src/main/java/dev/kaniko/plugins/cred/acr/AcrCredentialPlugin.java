package dev.kaniko.plugins.cred.acr;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/**
 * The cred-acr plugin: Azure Container Registry credentials from an Azure AD token. This class never references
 * SDK types, so loading the plugin stays cheap.
 */
public final class AcrCredentialPlugin implements Plugin {

  /** The plugin id. */
  public static final String ID = "cred-acr";

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
    return List.of(new AcrCredentialHelperFactory());
  }
}
