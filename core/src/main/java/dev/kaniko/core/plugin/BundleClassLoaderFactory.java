package dev.kaniko.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/**
 * Creates a {@link BundleClassLoader} for a bundle: a jar bundle is its own class path; a directory
 * bundle contributes {@code classes/} and {@code lib/*.jar} (sorted by name).
 */
final class BundleClassLoaderFactory implements PluginLoader {

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
    return new BundleClassLoader(id, toUrls(classPath), spiLoader);
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
