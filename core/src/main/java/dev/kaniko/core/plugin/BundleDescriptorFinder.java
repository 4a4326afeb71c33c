package dev.kaniko.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * Reads a bundle's pf4j descriptor: {@code plugin.properties} of a directory bundle, or the
 * {@code Plugin-*} MANIFEST attributes of a jar bundle.
 */
final class BundleDescriptorFinder implements PluginDescriptorFinder {

  private final PluginDescriptorFinder properties = new PropertiesPluginDescriptorFinder();
  private final PluginDescriptorFinder manifest = new ManifestPluginDescriptorFinder();

  @Override
  public boolean isApplicable(Path pluginPath) {
    return Files.isDirectory(pluginPath) || pluginPath.getFileName().toString().endsWith(".jar");
  }

  @Override
  public PluginDescriptor find(Path pluginPath) {
    if (Files.isDirectory(pluginPath)) {
      if (!Files.isRegularFile(pluginPath.resolve(PropertiesPluginDescriptorFinder.DEFAULT_PROPERTIES_FILE_NAME))) {
        throw new PluginLoadException("plugin bundle " + pluginPath + " is broken: it has no plugin.properties");
      }
      return properties.find(pluginPath);
    }
    return manifest.find(pluginPath);
  }
}
