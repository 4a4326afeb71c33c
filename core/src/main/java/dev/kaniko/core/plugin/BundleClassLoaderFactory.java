package dev.kaniko.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/**
 * Creates a {@link BundleClassLoader} for a bundle: a jar bundle is its own class path; a directory
 * bundle contributes {@code classes/} and {@code lib/*.jar} (sorted by name).
 */
final class BundleClassLoaderFactory implements PluginLoader {

  /** The plugin.properties key naming the jar that holds the bundle's plugin services file. */
  static final String PLUGIN_JAR = "kaniko.plugin.jar";
  private static final String PLUGIN_PROPERTIES = "plugin.properties";

  private final ClassLoader spiLoader;

  BundleClassLoaderFactory(ClassLoader spiLoader) {
    this.spiLoader = spiLoader;
  }

  @Override
  public boolean isApplicable(Path pluginPath) {
    return Files.isDirectory(pluginPath) || Files.isRegularFile(pluginPath);
  }

  @Override
  public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
    String id = descriptor.getPluginId();
    List<Path> classPath = Files.isDirectory(pluginPath) ? directoryClassPath(pluginPath) : List.of(pluginPath);
    if (classPath.isEmpty()) {
      throw new PluginLoadException(
          "plugin '" + id + "' is broken: bundle " + pluginPath + " has neither classes/ nor lib/*.jar");
    }
    Optional<Path> pluginJar = Files.isDirectory(pluginPath) ? pluginJar(pluginPath, id) : Optional.empty();
    pluginJar.ifPresent(jar -> {
      classPath.remove(jar);
      classPath.add(0, jar); // its classes are found without opening the other jars
    });
    return new BundleClassLoader(id, toUrls(classPath), spiLoader, pluginJar);
  }

  /**
   * The jar named by {@code kaniko.plugin.jar} in a directory bundle's {@code plugin.properties}
   * (the stock bundles' assembly writes it): the one holding its plugin's services file.
   */
  private static Optional<Path> pluginJar(Path bundle, String id) {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(bundle.resolve(PLUGIN_PROPERTIES))) {
      properties.load(in);
    } catch (IOException e) {
      throw new PluginLoadException("plugin '" + id + "' is broken: cannot read its "
          + PLUGIN_PROPERTIES + ": " + e.getMessage(), e);
    }
    String name = properties.getProperty(PLUGIN_JAR, "").strip();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path jar = bundle.resolve(name).normalize();
    if (!jar.startsWith(bundle.resolve("lib")) || !Files.isRegularFile(jar)) {
      throw new PluginLoadException("plugin '" + id + "' is broken: its " + PLUGIN_JAR + " " + name
          + " is not a jar of " + bundle.resolve("lib"));
    }
    return Optional.of(jar);
  }

  private static List<Path> directoryClassPath(Path bundle) {
    List<Path> classPath = new ArrayList<>();
    Path classes = bundle.resolve("classes");
    if (Files.isDirectory(classes)) {
      classPath.add(classes);
    }
    Path lib = bundle.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().forEach(classPath::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + lib, e);
      }
    }
    return classPath;
  }

  private static URL[] toUrls(List<Path> classPath) {
    URL[] urls = new URL[classPath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classPath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException("cannot convert " + classPath.get(i) + " to a URL", e);
      }
    }
    return urls;
  }
}
