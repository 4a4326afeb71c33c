package dev.kaniko.plugins.context.s3;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/**
 * The context-s3 plugin: Amazon S3 (and S3-compatible) build contexts, {@code s3://bucket/key.tar.gz}. This class
 * and the factory never reference SDK types, so loading the plugin stays cheap.
 */
public final class S3ContextPlugin implements Plugin {

  /** The plugin id. */
  public static final String ID = "context-s3";

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
    return List.of(new S3ContextSourceFactory());
  }
}
