package dev.kaniko.core.plugin;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.SpiVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.AbstractPluginManager;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.ServiceProviderExtensionFinder;
import org.pf4j.VersionManager;

/**
 * pf4j's view of the bundles: reads descriptors, checks {@code Plugin-Requires} against the SPI
 * version, rejects duplicates and creates one {@link BundleClassLoader} per enabled bundle. Unlike
 * pf4j's defaults, every problem is thrown as a {@link PluginLoadException}, never just logged.
 */
final class BundleManager extends AbstractPluginManager implements AutoCloseable {

  private Set<String> disabledIds = Set.of();
  private final List<PluginWrapper> loaded = new ArrayList<>();
  private Path currentPath;

  BundleManager(List<Path> pluginDirs, Set<String> disabledIds) {
    super(List.copyOf(pluginDirs));
    this.disabledIds = Set.copyOf(disabledIds);
    setSystemVersion(SpiVersion.CURRENT);
  }

  /** Loads every bundle of the plugin directories; disabled bundles are left unloaded. */
  List<PluginWrapper> loadBundles() {
    for (Path path : pluginRepository.getPluginPaths()) {
      currentPath = path;
      PluginWrapper wrapper = loadBundle(path);
      if (wrapper.getPluginState() == PluginState.DISABLED) {
        unloadPlugin(wrapper.getPluginId(), false, false); // closes its class loader
      } else {
        loaded.add(wrapper);
      }
    }
    try {
      resolvePlugins();
    } catch (RuntimeException e) {
      throw new PluginLoadException("plugin bundles cannot be resolved: " + PluginGuard.describe(e), e);
    }
    return List.copyOf(loaded);
  }

  private PluginWrapper loadBundle(Path path) {
    try {
      return loadPluginFromPath(path);
    } catch (PluginLoadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PluginLoadException("plugin bundle " + path + " is broken: " + PluginGuard.describe(e), e);
    }
  }

  @Override
  protected void validatePluginDescriptor(PluginDescriptor descriptor) {
    String id = descriptor.getPluginId();
    if (id == null || id.isBlank()) {
      throw new PluginLoadException("plugin bundle " + currentPath + " is broken: its descriptor has no plugin id");
    }
    String label = "plugin '" + id + "' (" + currentPath + ")";
    if (descriptor.getVersion() == null || descriptor.getVersion().isBlank()) {
      throw new PluginLoadException(label + " is broken: its descriptor has no version");
    }
    if (plugins.containsKey(id)) {
      throw new PluginLoadException(
          "duplicate plugin id '" + id + "': bundles " + plugins.get(id).getPluginPath() + " and " + currentPath);
    }
    if (!descriptor.getDependencies().isEmpty()) {
      throw new PluginLoadException(
          label + " declares plugin dependencies, which kaniko does not support: bundles are isolated");
    }
    if (!disabledIds.contains(id)) {
      checkRequires(descriptor, label);
    }
  }

  private void checkRequires(PluginDescriptor descriptor, String label) {
    String requires = descriptor.getRequires() == null ? "*" : descriptor.getRequires().strip();
    if (requires.isEmpty()) {
      requires = "*";
    }
    if (!isExactVersionAllowed() && requires.matches("^\\d+\\.\\d+\\.\\d+$")) {
      requires = ">=" + requires;
    }
    boolean satisfied;
    try {
      satisfied = getVersionManager().checkVersionConstraint(getSystemVersion(), requires);
    } catch (RuntimeException e) {
      throw new PluginLoadException(label + " is broken: invalid Plugin-Requires '" + requires + "'", e);
    }
    if (!satisfied) {
      throw new PluginLoadException(
          label + " is incompatible: it requires kaniko SPI " + requires + " but this host implements "
              + getSystemVersion());
    }
  }

  @Override
  protected boolean isPluginValid(PluginWrapper pluginWrapper) {
    return true; // checked in validatePluginDescriptor, before a class loader exists
  }

  @Override
  protected List<Path> createPluginsRoot() {
    return List.of(); // only the directories we are given; never pf4j's default "plugins"
  }

  @Override
  protected PluginRepository createPluginRepository() {
    return new BundleRepository(pluginsRoots);
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new DefaultPluginFactory();
  }

  @Override
  protected ExtensionFactory createExtensionFactory() {
    return new DefaultExtensionFactory();
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    return new BundleDescriptorFinder();
  }

  @Override
  protected ExtensionFinder createExtensionFinder() {
    return new ServiceProviderExtensionFinder(this);
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new PluginStatusProvider() {
      @Override
      public boolean isPluginDisabled(String pluginId) {
        return disabledIds.contains(pluginId);
      }

      @Override
      public void disablePlugin(String pluginId) {
        throw new UnsupportedOperationException("use --disable-plugin");
      }

      @Override
      public void enablePlugin(String pluginId) {
        throw new UnsupportedOperationException("use --disable-plugin");
      }
    };
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new BundleClassLoaderFactory(Plugin.class.getClassLoader());
  }

  @Override
  protected VersionManager createVersionManager() {
    return new DefaultVersionManager();
  }

  /** Closes every bundle class loader created so far. */
  @Override
  public void close() {
    for (ClassLoader loader : getPluginClassLoaders().values()) {
      if (loader instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (IOException e) {
          // closing a URLClassLoader only releases open jar files; nothing to report
        } catch (Exception e) {
          throw new IllegalStateException("cannot close a plugin class loader", e);
        }
      }
    }
    getPluginClassLoaders().clear();
  }
}
