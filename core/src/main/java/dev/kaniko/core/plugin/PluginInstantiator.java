package dev.kaniko.core.plugin;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Instantiates the {@link Plugin}s registered in one class loader's
 * {@code META-INF/services/dev.kaniko.spi.Plugin} and checks their id, SPI version and factories.
 */
final class PluginInstantiator {

  private final String label;
  private final String version;
  private final String origin;
  private final Set<String> disabledIds;

  /**
   * @param label the bundle id (or "builtin") used in messages until a plugin's id is known
   * @param version the version reported for the plugins
   * @param origin the bundle path or {@link PluginInfo#BUILTIN}
   * @param disabledIds plugin ids to skip
   */
  PluginInstantiator(String label, String version, String origin, Set<String> disabledIds) {
    this.label = label;
    this.version = version;
    this.origin = origin;
    this.disabledIds = disabledIds;
  }

  /** Loads the plugins visible to {@code loader}; broken or incompatible ones throw {@link PluginLoadException}. */
  List<LoadedPlugin> load(ClassLoader loader) {
    List<LoadedPlugin> plugins = new ArrayList<>();
    List<Plugin> found = instantiate(loader);
    if (found.isEmpty() && !PluginInfo.BUILTIN.equals(origin)) {
      throw new PluginLoadException(
          "plugin '" + label + "' is broken: bundle " + origin
              + " registers no dev.kaniko.spi.Plugin in META-INF/services");
    }
    for (Plugin plugin : found) {
      PluginGuard bundleGuard = new PluginGuard(label, loader);
      String id = bundleGuard.callAtLoad("Plugin.id of " + plugin.getClass().getName(), plugin::id);
      if (id == null || id.isBlank()) {
        throw new PluginLoadException(
            "plugin '" + label + "' is broken: " + plugin.getClass().getName() + ".id() returned no id");
      }
      if (!disabledIds.contains(id)) {
        plugins.add(check(plugin, new PluginGuard(id, loader)));
      }
    }
    return plugins;
  }

  private List<Plugin> instantiate(ClassLoader loader) {
    PluginGuard guard = new PluginGuard(label, loader);
    return guard.callAtLoad("ServiceLoader<dev.kaniko.spi.Plugin>", () -> {
      List<Plugin> found = new ArrayList<>();
      try {
        Iterator<Plugin> iterator = ServiceLoader.load(Plugin.class, loader).iterator();
        while (iterator.hasNext()) {
          found.add(iterator.next());
        }
      } catch (ServiceConfigurationError e) {
        throw new PluginLoadException(
            "plugin '" + label + "' is broken: cannot load its dev.kaniko.spi.Plugin: " + PluginGuard.describe(e), e);
      }
      return found;
    });
  }

  private LoadedPlugin check(Plugin plugin, PluginGuard guard) {
    String id = guard.pluginId();
    String spiVersion = guard.callAtLoad("Plugin.spiVersion", plugin::spiVersion);
    boolean compatible;
    try {
      compatible = SpiCompatibility.isCompatible(SpiVersion.CURRENT, spiVersion);
    } catch (IllegalArgumentException e) {
      throw new PluginLoadException("plugin '" + id + "' is broken: " + e.getMessage(), e);
    }
    if (!compatible) {
      throw new PluginLoadException(
          "plugin '" + id + "' is incompatible: it was built for kaniko SPI " + spiVersion
              + " but this host implements " + SpiVersion.CURRENT);
    }
    List<ProviderFactory<?>> declared = guard.callAtLoad("Plugin.factories", plugin::factories);
    if (declared == null) {
      throw new PluginLoadException("plugin '" + id + "' is broken: Plugin.factories() returned null");
    }
    List<GuardedProviderFactory<?>> factories = new ArrayList<>();
    for (ProviderFactory<?> factory : declared) {
      if (factory == null) {
        throw new PluginLoadException("plugin '" + id + "' is broken: Plugin.factories() contains null");
      }
      factories.add(guard(guard, factory));
    }
    return new LoadedPlugin(new PluginInfo(id, version, origin), factories);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static GuardedProviderFactory<?> guard(PluginGuard guard, ProviderFactory<?> factory) {
    FactoryMetadata<?> metadata = FactoryMetadata.read(guard, factory);
    if (factory instanceof ContextSourceFactory sourceFactory) {
      if (metadata.type() != ContextSource.class) {
        throw new PluginLoadException(
            "plugin '" + guard.pluginId() + "' is broken: ContextSourceFactory '" + metadata.name()
                + "' declares type " + metadata.type().getName());
      }
      return new GuardedContextSourceFactory(guard, sourceFactory, (FactoryMetadata<ContextSource>) metadata);
    }
    return new GuardedProviderFactory(guard, factory, metadata);
  }
}
