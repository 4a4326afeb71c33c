package dev.kaniko.core.plugin;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.ProviderFactory;
import java.util.Set;

/** A factory's type, name, priority and sensitive keys, read once (guarded) when its plugin loads. */
record FactoryMetadata<T>(Class<T> type, String name, int priority, Set<String> sensitiveConfigKeys) {

  /** Reads and validates the metadata of {@code factory}; a violation is a {@link PluginLoadException}. */
  static <T> FactoryMetadata<T> read(PluginGuard guard, ProviderFactory<T> factory) {
    Class<T> type = guard.callAtLoad("ProviderFactory.type", factory::type);
    String name = guard.callAtLoad("ProviderFactory.name", factory::name);
    String label = "plugin '" + guard.pluginId() + "' is broken: factory " + factory.getClass().getName();
    if (type == null || !type.isInterface()) {
      throw new PluginLoadException(label + " has type " + type + "; it must be an SPI interface");
    }
    if (name == null || name.isBlank()) {
      throw new PluginLoadException(label + " has no name");
    }
    if (type == ContextSource.class && !(factory instanceof ContextSourceFactory)) {
      throw new PluginLoadException(label + " creates ContextSource but is not a ContextSourceFactory");
    }
    int priority = guard.callAtLoad("ProviderFactory.priority", factory::priority);
    Set<String> keys = guard.callAtLoad("ProviderFactory.sensitiveConfigKeys", factory::sensitiveConfigKeys);
    return new FactoryMetadata<>(type, name, priority, keys == null ? Set.of() : Set.copyOf(keys));
  }
}
