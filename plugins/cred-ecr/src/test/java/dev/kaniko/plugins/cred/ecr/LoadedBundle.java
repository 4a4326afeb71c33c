package dev.kaniko.plugins.cred.ecr;

import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * This module's bundle zip unpacked into a plugins directory and loaded by the real {@link PluginRegistry}, the way
 * the executor does: the plugin and its SDK come from the bundle's own class loader, never the test class path.
 */
final class LoadedBundle implements AutoCloseable {

  private final Path pluginsDir;
  private final PluginRegistry registry;

  private LoadedBundle(Path pluginsDir, PluginRegistry registry) {
    this.pluginsDir = pluginsDir;
    this.registry = registry;
  }

  /** Unpacks the zip named by the {@code kaniko.bundle.zip} system property (set by failsafe) and loads it. */
  static LoadedBundle load() throws IOException {
    Path zip = Path.of(System.getProperty("kaniko.bundle.zip"));
    Path dir = Files.createTempDirectory("kaniko-plugins");
    unzip(zip, dir);
    return new LoadedBundle(dir, PluginRegistry.load(new PluginLoadOptions(List.of(dir), Set.of())));
  }

  PluginRegistry registry() {
    return registry;
  }

  @Override
  public void close() throws IOException {
    registry.close();
    try (Stream<Path> walk = Files.walk(pluginsDir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (FileSystem archive = FileSystems.newFileSystem(zip)) {
      Path root = archive.getPath("/");
      try (Stream<Path> entries = Files.walk(root)) {
        for (Path entry : entries.toList()) {
          Path destination = target.resolve(root.relativize(entry).toString()).normalize();
          if (!destination.startsWith(target)) {
            throw new IOException("zip entry outside the target: " + entry);
          }
          if (Files.isDirectory(entry)) {
            Files.createDirectories(destination);
          } else {
            Files.createDirectories(destination.getParent());
            Files.copy(entry, destination);
          }
        }
      }
    }
  }
}
