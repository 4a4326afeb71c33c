package dev.kaniko.core.plugin;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Instantiates the {@link Plugin}s registered in one class loader's
 * {@code META-INF/services/dev.kaniko.spi.Plugin} and checks their id, SPI version and factories.
 */
final class PluginInstantiator {
  private static final String SERVICES = "META-INF/services/dev.kaniko.spi.Plugin";

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
    if (loader instanceof BundleClassLoader bundle && bundle.pluginJar().isPresent()) {
      List<String> named = servicesOf(bundle.pluginJar().get());
      if (!named.isEmpty()) {
        return guard.callAtLoad("dev.kaniko.spi.Plugin of " + bundle.pluginJar().get().getFileName(),
            () -> instantiate(named, loader));
      }
    }
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

  /** The provider classes listed in {@code jar}'s own services file (ServiceLoader's syntax). */
  private List<String> servicesOf(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(SERVICES);
      if (entry == null) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      try (var reader = new BufferedReader(
          new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          int comment = line.indexOf('#');
          String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
          if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new PluginLoadException("plugin '" + label + "' is broken: cannot read " + SERVICES
          + " of " + jar + ": " + e.getMessage(), e);
    }
  }

  /** Instantiates the named providers as ServiceLoader would, without scanning every jar. */
  private List<Plugin> instantiate(List<String> names, ClassLoader loader) {
    List<Plugin> found = new ArrayList<>();
    for (String name : names) {
      try {
        Class<?> type = Class.forName(name, false, loader);
        if (!Plugin.class.isAssignableFrom(type)) {
          throw new PluginLoadException("plugin '" + label + "' is broken: cannot load its"
              + " dev.kaniko.spi.Plugin: " + name + " is not a dev.kaniko.spi.Plugin");
        }
        found.add(type.asSubclass(Plugin.class).getConstructor().newInstance());
      } catch (ReflectiveOperationException | LinkageError e) {
        Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
        throw new PluginLoadException("plugin '" + label + "' is broken: cannot load its"
            + " dev.kaniko.spi.Plugin " + name + ": " + PluginGuard.describe(cause), cause);
      }
    }
    return found;
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
