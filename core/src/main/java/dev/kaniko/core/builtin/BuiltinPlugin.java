package dev.kaniko.core.builtin;

import dev.kaniko.core.cache.FileCacheBackendFactory;
import dev.kaniko.core.snapshot.SnapshotMode;
import dev.kaniko.core.snapshot.SnapshotStrategyFactory;
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
        new DirContextSourceFactory(),
        new TarContextSourceFactory(),
        new HttpsContextSourceFactory(),
        new SnapshotStrategyFactory(SnapshotMode.FULL),
        new SnapshotStrategyFactory(SnapshotMode.REDO),
        new SnapshotStrategyFactory(SnapshotMode.TIME),
        new SnapshotStrategyFactory(SnapshotMode.NEW_RUN),
        FileCacheBackendFactory.dir(),
        FileCacheBackendFactory.oci());
  }
}
