package dev.kaniko.core.plugin;

import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.PluginWrapper;

/**
 * All loaded plugins, built-in and bundled, and their provider factories. Every factory and provider
 * it hands out runs plugin code with the plugin's context class loader and reports RuntimeExceptions
 * as {@code PluginException}s naming the plugin. Closing it closes the bundles' class loaders.
 */
public final class PluginRegistry implements AutoCloseable {

  private static final Comparator<GuardedProviderFactory<?>> PRIORITY_ORDER =
      Comparator.<GuardedProviderFactory<?>>comparingInt(f -> -f.priority())
          .thenComparing(GuardedProviderFactory::pluginId)
          .thenComparing(GuardedProviderFactory::name);

  private final BundleManager bundles;
  private final List<PluginInfo> plugins;
  private final List<GuardedProviderFactory<?>> factories;

  private PluginRegistry(BundleManager bundles, List<LoadedPlugin> loaded) {
    this.bundles = bundles;
    this.plugins = loaded.stream().map(LoadedPlugin::info).toList();
    List<GuardedProviderFactory<?>> all = new ArrayList<>();
    loaded.forEach(plugin -> all.addAll(plugin.factories()));
    all.sort(PRIORITY_ORDER);
    this.factories = List.copyOf(all);
  }

  /**
   * Loads the built-in plugins (host class path) and every bundle of {@code options.pluginDirs()}.
   *
   * @throws PluginLoadException if a plugin directory is missing or a bundle is broken,
   *     incompatible or a duplicate; the message names the plugin
   */
  public static PluginRegistry load(PluginLoadOptions options) {
    BundleManager bundles = new BundleManager(options.pluginDirs(), options.disabledPluginIds());
    try {
      List<LoadedPlugin> loaded = new ArrayList<>(builtins(options.disabledPluginIds()));
      for (PluginWrapper bundle : bundles.loadBundles()) {
        loaded.addAll(instantiate(bundle, options.disabledPluginIds()));
      }
      checkUniqueIds(loaded);
      checkUniqueProviders(loaded);
      return new PluginRegistry(bundles, loaded);
    } catch (RuntimeException | Error e) {
      bundles.close();
      throw e;
    }
  }

  private static List<LoadedPlugin> builtins(Set<String> disabledIds) {
    ClassLoader host = PluginRegistry.class.getClassLoader();
    return new PluginInstantiator(PluginInfo.BUILTIN, hostVersion(), PluginInfo.BUILTIN, disabledIds).load(host);
  }

  private static List<LoadedPlugin> instantiate(PluginWrapper bundle, Set<String> disabledIds) {
    String origin = bundle.getPluginPath().toString();
    return new PluginInstantiator(bundle.getPluginId(), bundle.getDescriptor().getVersion(), origin, disabledIds)
        .load(bundle.getPluginClassLoader());
  }

  private static void checkUniqueIds(List<LoadedPlugin> loaded) {
    Map<String, PluginInfo> byId = new HashMap<>();
    for (LoadedPlugin plugin : loaded) {
      PluginInfo previous = byId.putIfAbsent(plugin.info().id(), plugin.info());
      if (previous != null) {
        throw new PluginLoadException(
            "duplicate plugin id '" + plugin.info().id() + "': from " + previous.origin() + " and "
                + plugin.info().origin());
      }
    }
  }

  private static void checkUniqueProviders(List<LoadedPlugin> loaded) {
    Map<String, GuardedProviderFactory<?>> byKey = new HashMap<>();
    for (LoadedPlugin plugin : loaded) {
      for (GuardedProviderFactory<?> factory : plugin.factories()) {
        String key = factory.type().getName() + "/" + factory.name();
        GuardedProviderFactory<?> previous = byKey.putIfAbsent(key, factory);
        if (previous != null) {
          throw new PluginLoadException(
              "duplicate " + factory.type().getSimpleName() + " provider '" + factory.name()
                  + "': registered by plugin '" + previous.pluginId() + "' and plugin '" + factory.pluginId() + "'");
        }
      }
    }
  }

  private static String hostVersion() {
    String version = PluginRegistry.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** The loaded plugins: built-ins first, then bundles in directory order. */
  public List<PluginInfo> plugins() {
    return plugins;
  }

  /**
   * The factories creating providers of {@code type}, highest priority first (then by plugin id
   * and name). They and the providers they create are guarded.
   */
  @SuppressWarnings("unchecked")
  public <T> List<ProviderFactory<T>> factories(Class<T> type) {
    List<ProviderFactory<T>> matching = new ArrayList<>();
    for (GuardedProviderFactory<?> factory : factories) {
      if (factory.type() == type) {
        matching.add((ProviderFactory<T>) factory);
      }
    }
    return List.copyOf(matching);
  }

  /**
   * The highest-priority context source that supports {@code contextUri}.
   *
   * @throws UncheckedPluginException if a plugin's {@code supports} fails
   */
  public Optional<ContextSourceFactory> contextSourceFor(String contextUri) {
    for (GuardedProviderFactory<?> factory : factories) {
      if (factory instanceof ContextSourceFactory source && source.supports(contextUri)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  /** The id of the plugin that contributed {@code factory}, for factories handed out by this registry. */
  public Optional<String> pluginIdOf(ProviderFactory<?> factory) {
    return factory instanceof GuardedProviderFactory<?> guarded && factories.contains(guarded)
        ? Optional.of(guarded.pluginId())
        : Optional.empty();
  }

  /** Closes the bundles' class loaders; providers from bundles must not be used afterwards. */
  @Override
  public void close() {
    bundles.close();
  }
}
