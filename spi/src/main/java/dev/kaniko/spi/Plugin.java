package dev.kaniko.spi;

import java.util.List;

/**
 * Entry point of a plugin, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.kaniko.spi.Plugin}. Keep it small: no SDK references here.
 */
public interface Plugin {

  /** Unique plugin id, e.g. {@code context-s3}; matches the bundle's {@code plugin.id}. */
  String id();

  /** The SPI version this plugin was compiled against: return {@link SpiVersion#CURRENT}. */
  String spiVersion();

  /** The provider factories this plugin contributes; creating them must not load SDK classes. */
  List<ProviderFactory<?>> factories();
}
