package dev.kaniko.plugins.context.azure;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import java.util.Map;

/**
 * Creates {@link AzureBlobContextSource}s for Azure Blob URLs; touches the Azure SDK only in {@link #create}. Its
 * priority is above the built-in {@code https} tarball source, which would otherwise claim the same URLs.
 */
public final class AzureBlobContextSourceFactory implements ContextSourceFactory {

  /** The provider name. */
  public static final String NAME = "azure-blob";

  /** Consulted before the built-ins (priority 0), so {@code https://*.blob.core.windows.net} stays ours. */
  public static final int PRIORITY = 10;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public boolean supports(String uri) {
    return uri != null && AzureBlobLocation.isBlobUrl(uri);
  }

  @Override
  public ContextSource create(Map<String, String> config, PluginContext context) throws PluginException {
    return new AzureBlobContextSource(AzureSettings.from(context.env()), context.logger());
  }
}
