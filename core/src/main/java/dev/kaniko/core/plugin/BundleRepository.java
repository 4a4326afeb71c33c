package dev.kaniko.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.PluginRepository;

/**
 * Lists the bundles in the plugin directories: sub-directories and {@code *.jar} files, sorted by
 * name within each directory. A missing directory or a {@code *.zip} is a {@link PluginLoadException}.
 */
final class BundleRepository implements PluginRepository {

  private final List<Path> dirs;

  BundleRepository(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  @Override
  public List<Path> getPluginPaths() {
    List<Path> bundles = new ArrayList<>();
    for (Path dir : distinctDirs()) {
      bundles.addAll(bundlesIn(dir));
    }
    return bundles;
  }

  @Override
  public boolean deletePluginPath(Path pluginPath) {
    throw new UnsupportedOperationException("kaniko never deletes plugin bundles");
  }

  private Set<Path> distinctDirs() {
    Set<Path> distinct = new LinkedHashSet<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new PluginLoadException("plugin directory " + dir + " does not exist or is not a directory");
      }
      try {
        distinct.add(dir.toRealPath());
      } catch (IOException e) {
        throw new PluginLoadException("plugin directory " + dir + " cannot be read: " + e.getMessage(), e);
      }
    }
    return distinct;
  }

  private static List<Path> bundlesIn(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(path -> !path.getFileName().toString().startsWith("."))
          .filter(BundleRepository::isBundle)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin directory " + dir, e);
    }
  }

  private static boolean isBundle(Path path) {
    String name = path.getFileName().toString();
    if (Files.isDirectory(path)) {
      return true;
    }
    if (name.endsWith(".zip")) {
      throw new PluginLoadException(
          "plugin bundle " + path + " is a zip: unpack it into the plugin directory (kaniko loads"
              + " directory and jar bundles only)");
    }
    return name.endsWith(".jar") && Files.isRegularFile(path);
  }
}
