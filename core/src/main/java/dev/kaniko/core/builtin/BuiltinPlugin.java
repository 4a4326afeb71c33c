package dev.kaniko.core.builtin;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/** The providers shipped inside kaniko-core, found by ServiceLoader on the host class path. */
public final class BuiltinPlugin implements Plugin {

  /** The id of the built-in plugin. */
  public static final String ID = "builtin";

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
    return List.of(
        new DirContextSourceFactory(), new TarContextSourceFactory(), new HttpsContextSourceFactory());
  }
}
