package dev.kaniko.core.plugin;

import java.net.URL;
import java.net.URLClassLoader;

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

  BundleClassLoader(String bundleId, URL[] urls, ClassLoader spiLoader) {
    super("kaniko-plugin-" + bundleId, urls, ClassLoader.getPlatformClassLoader());
    this.spiLoader = spiLoader;
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
