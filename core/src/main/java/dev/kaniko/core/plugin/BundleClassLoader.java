package dev.kaniko.core.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One bundle's class loader: sees the JDK (platform loader), the host's {@code dev.kaniko.spi}
 * classes, and its own jars; nothing else of the host class path and no other bundle.
 */
final class BundleClassLoader extends URLClassLoader {

  static final String SPI_PACKAGE_PREFIX = "dev.kaniko.spi.";

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ClassLoader spiLoader;
  private final Optional<Path> pluginJar;

  BundleClassLoader(String bundleId, URL[] urls, ClassLoader spiLoader) {
    this(bundleId, urls, spiLoader, Optional.empty());
  }

  /** @param pluginJar the jar holding the bundle's {@code dev.kaniko.spi.Plugin} services file */
  BundleClassLoader(String bundleId, URL[] urls, ClassLoader spiLoader, Optional<Path> pluginJar) {
    super("kaniko-plugin-" + bundleId, urls, ClassLoader.getPlatformClassLoader());
    this.spiLoader = spiLoader;
    this.pluginJar = pluginJar;
  }

  /**
   * The jar named by the bundle's {@code kaniko.plugin.jar} (first on the class path): its plugins
   * are read from it alone, so the other jars are opened only when a class is looked up in them.
   */
  Optional<Path> pluginJar() {
    return pluginJar;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SPI_PACKAGE_PREFIX)) {
      // The contract types must be the host's, even if the bundle wrongly carries its own copy.
      return spiLoader.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
