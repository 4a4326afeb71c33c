package dev.kaniko.core.build;

import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.snapshot.SnapshotMode;
import dev.kaniko.core.snapshot.SnapshotStrategyFactory;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SnapshotStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a stage's snapshot strategy comes from: the plugin registry's {@code SnapshotStrategy}
 * factories by name ({@code --snapshot-mode}, {@code new-run} for {@code --use-new-run}), so a
 * third-party snapshot plugin can be chosen; without a registry, the built-in modes.
 */
public final class SnapshotStrategies {
  private final List<ProviderFactory<SnapshotStrategy>> factories;
  private final Function<ProviderFactory<SnapshotStrategy>, PluginContext> contexts;

  private SnapshotStrategies(List<ProviderFactory<SnapshotStrategy>> factories,
      Function<ProviderFactory<SnapshotStrategy>, PluginContext> contexts) {
    this.factories = List.copyOf(factories);
    this.contexts = contexts;
  }

  /**
   * The registry's snapshot strategies.
   *
   * @param contexts the plugin context handed to a factory, by plugin id
   */
  public static SnapshotStrategies of(PluginRegistry registry,
      Function<String, PluginContext> contexts) {
    return new SnapshotStrategies(registry.factories(SnapshotStrategy.class),
        factory -> contexts.apply(registry.pluginIdOf(factory).orElse("builtin")));
  }

  /** The built-in modes only (full, redo, time, new-run), used without a plugin registry. */
  public static SnapshotStrategies builtin() {
    List<ProviderFactory<SnapshotStrategy>> builtins = new ArrayList<>();
    for (SnapshotMode mode : SnapshotMode.values()) {
      builtins.add(new SnapshotStrategyFactory(mode));
    }
    return new SnapshotStrategies(builtins, factory -> null);
  }

  /** A new strategy of the provider {@code name}; a one-line error when there is none. */
  SnapshotStrategy create(String name) throws BuildException {
    List<String> names = new ArrayList<>();
    for (ProviderFactory<SnapshotStrategy> factory : factories) {
      if (factory.name().equals(name)) {
        try {
          return factory.create(Map.of(), contexts.apply(factory));
        } catch (PluginException | RuntimeException e) {
          throw new BuildException("snapshot mode " + name + ": " + e.getMessage(), e);
        }
      }
      names.add(factory.name());
    }
    throw new BuildException("--snapshot-mode " + name + ": no snapshot strategy of that name"
        + " (available: " + String.join(", ", names.stream().sorted().toList()) + ")");
  }
}
