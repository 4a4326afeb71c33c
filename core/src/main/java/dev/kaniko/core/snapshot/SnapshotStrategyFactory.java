package dev.kaniko.core.snapshot;

import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SnapshotStrategy;
import java.util.Map;

/**
 * Built-in factory of one {@link SnapshotMode}. Config: {@code parallelism} (threads per walk,
 * default {@link #DEFAULT_PARALLELISM}); any other key is rejected.
 */
public final class SnapshotStrategyFactory implements ProviderFactory<SnapshotStrategy> {

  /** The only configuration key. */
  public static final String PARALLELISM = "parallelism";

  /** Threads per walk unless configured: the machine's processors, at most 4. */
  public static final int DEFAULT_PARALLELISM = Math.min(4, Runtime.getRuntime().availableProcessors());

  private final SnapshotMode mode;

  /**
   * Creates the factory of one mode.
   *
   * @param mode the mode its strategies use
   */
  public SnapshotStrategyFactory(SnapshotMode mode) {
    this.mode = mode;
  }

  @Override
  public Class<SnapshotStrategy> type() {
    return SnapshotStrategy.class;
  }

  @Override
  public String name() {
    return mode.providerName();
  }

  @Override
  public SnapshotStrategy create(Map<String, String> config, PluginContext context) throws PluginException {
    for (String key : config.keySet()) {
      if (!key.equals(PARALLELISM)) {
        throw invalid("unknown configuration key '" + key + "' for snapshot mode " + name());
      }
    }
    return TreeSnapshotStrategy.of(mode, parallelism(config.get(PARALLELISM)));
  }

  private int parallelism(String value) throws PluginException {
    if (value == null) {
      return DEFAULT_PARALLELISM;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1 && parsed <= 64) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("snapshot parallelism must be a number from 1 to 64, got '" + value + "'");
  }

  private static PluginException invalid(String message) {
    return new PluginException(PluginException.Reason.INVALID_CONFIGURATION, message);
  }
}
