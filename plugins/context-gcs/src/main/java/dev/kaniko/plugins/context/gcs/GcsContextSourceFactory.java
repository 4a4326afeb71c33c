package dev.kaniko.plugins.context.gcs;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import java.util.Map;

/** Creates {@link GcsContextSource}s for {@code gs://} contexts; touches the GCS SDK only in {@link #create}. */
public final class GcsContextSourceFactory implements ContextSourceFactory {

  /** The provider name. */
  public static final String NAME = "gcs";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(String uri) {
    return uri != null && uri.regionMatches(true, 0, GcsLocation.SCHEME, 0, GcsLocation.SCHEME.length());
  }

  @Override
  public ContextSource create(Map<String, String> config, PluginContext context) throws PluginException {
    GcsSettings settings = GcsSettings.from(context.env());
    return new GcsContextSource(settings, GcsStorages::create, context.logger());
  }
}
