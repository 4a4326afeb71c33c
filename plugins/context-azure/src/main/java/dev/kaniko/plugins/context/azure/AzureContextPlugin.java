package dev.kaniko.plugins.context.azure;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/**
 * The context-azure plugin: Azure Blob Storage build contexts ({@code https://ACCOUNT.blob.core.windows.net/C/B}).
 * This class and the factory never reference SDK types, so loading the plugin stays cheap.
 */
public final class AzureContextPlugin implements Plugin {

  /** The plugin id. */
  public static final String ID = "context-azure";

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
    return List.of(new AzureBlobContextSourceFactory());
  }
}
