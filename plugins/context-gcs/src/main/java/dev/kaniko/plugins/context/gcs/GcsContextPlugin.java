package dev.kaniko.plugins.context.gcs;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/**
 * The context-gcs plugin: Google Cloud Storage build contexts ({@code gs://bucket/path.tar.gz}). This class and the
 * factory never reference SDK types, so loading the plugin stays cheap.
 */
public final class GcsContextPlugin implements Plugin {

  /** The plugin id. */
  public static final String ID = "context-gcs";

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
    return List.of(new GcsContextSourceFactory());
  }
}
