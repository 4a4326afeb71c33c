package dev.kaniko.plugins.cred.gcr;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/**
 * The cred-gcr plugin: Google Container Registry and Artifact Registry credentials from Application Default
 * Credentials. This class never references the Google auth library.
 */
public final class GcrCredentialPlugin implements Plugin {

  /** The plugin id. */
  public static final String ID = "cred-gcr";

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
    return List.of(new GcrCredentialHelperFactory());
  }
}
