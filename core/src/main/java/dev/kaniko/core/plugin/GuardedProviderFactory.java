package dev.kaniko.core.plugin;

import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import java.util.Map;
import java.util.Set;

/**
 * A plugin's {@link ProviderFactory} as handed out by the registry: metadata read once at load
 * time, {@link #create} guarded, and the created provider wrapped so its calls are guarded too.
 */
class GuardedProviderFactory<T> implements ProviderFactory<T> {

  private final PluginGuard guard;
  private final ProviderFactory<T> delegate;
  private final Class<T> type;
  private final String name;
  private final int priority;
  private final Set<String> sensitiveConfigKeys;

  GuardedProviderFactory(PluginGuard guard, ProviderFactory<T> delegate, FactoryMetadata<T> metadata) {
    this.guard = guard;
    this.delegate = delegate;
    this.type = metadata.type();
    this.name = metadata.name();
    this.priority = metadata.priority();
    this.sensitiveConfigKeys = metadata.sensitiveConfigKeys();
  }

  /** The id of the plugin that contributed this factory. */
  String pluginId() {
    return guard.pluginId();
  }

  PluginGuard guard() {
    return guard;
  }

  ProviderFactory<T> delegate() {
    return delegate;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  @Override
  public Set<String> sensitiveConfigKeys() {
    return sensitiveConfigKeys;
  }

  @Override
  public T create(Map<String, String> config, PluginContext context) throws PluginException {
    Map<String, String> copy = Map.copyOf(config);
    String operation = type.getSimpleName() + " factory '" + name + "' create";
    T provider = guard.call(operation, () -> delegate.create(copy, context));
    if (provider == null) {
      throw new PluginException(
          PluginException.Reason.OTHER, "plugin '" + pluginId() + "' failed in " + operation + ": returned null");
    }
    if (!type.isInstance(provider)) {
      throw new PluginException(
          PluginException.Reason.OTHER,
          "plugin '" + pluginId() + "' failed in " + operation + ": returned a "
              + provider.getClass().getName() + ", not a " + type.getName());
    }
    return GuardingInvocationHandler.wrap(guard, type, provider);
  }

  @Override
  public String toString() {
    return type.getSimpleName() + " '" + name + "' of plugin '" + pluginId() + "'";
  }
}
