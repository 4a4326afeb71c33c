package dev.kaniko.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.plugin.PluginInfo;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared by every stock plugin module (added by build-helper): unpacks the module's bundle zip
 * into a plugins directory, the way the executor's distribution does, and loads it.
 */
class StockPluginBundleIT {

  private final String pluginId = System.getProperty("kaniko.plugin.id");
  private final String version = System.getProperty("kaniko.plugin.version");
  private final Path zip = Path.of(System.getProperty("kaniko.bundle.zip"));

  @TempDir Path plugins;

  @Test
  void bundleZip_unpacksIntoAPluginDirectoryThatLoadsThePlugin() throws IOException {
    unzip(zip, plugins);
    Path bundle = plugins.resolve(pluginId);

    Properties descriptor = new Properties();
    try (var in = Files.newInputStream(bundle.resolve("plugin.properties"))) {
      descriptor.load(in);
    }
    assertThat(descriptor.getProperty("plugin.id")).isEqualTo(pluginId);
    assertThat(descriptor.getProperty("plugin.version")).isEqualTo(version);
    assertThat(descriptor.getProperty("plugin.requires")).startsWith("^1.");
    assertThat(descriptor.getProperty("kaniko.plugin.jar")).as("the jar whose services file is read at start")
        .isEqualTo("lib/" + System.getProperty("kaniko.plugin.artifact"));
    try (Stream<Path> lib = Files.list(bundle.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()).toList())
          .contains(System.getProperty("kaniko.plugin.artifact"))
          .noneMatch(name -> name.startsWith("kaniko-spi"));
    }

    try (PluginRegistry registry = PluginRegistry.load(new PluginLoadOptions(List.of(plugins), Set.of()))) {
      assertThat(registry.plugins()).contains(new PluginInfo(pluginId, version, bundle.toRealPath().toString()));
    }
  }

  @Test
  void pluginClass_isNotOnTheTestClassPath() throws IOException {
    // Otherwise the registry would also find the plugin as a built-in and report a duplicate id.
    List<String> registrations = Collections.list(
            getClass().getClassLoader().getResources("META-INF/services/dev.kaniko.spi.Plugin"))
        .stream().map(Object::toString).toList();

    assertThat(registrations).allMatch(url -> url.contains("/core/") || url.contains("kaniko-core"));
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (FileSystem archive = FileSystems.newFileSystem(zip)) {
      Path root = archive.getPath("/");
      try (Stream<Path> entries = Files.walk(root)) {
        for (Path entry : entries.toList()) {
          Path destination = target.resolve(root.relativize(entry).toString()).normalize();
          assertThat(destination.startsWith(target)).as("zip entry %s stays inside", entry).isTrue();
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
