package dev.kaniko.core.plugin;

import static dev.kaniko.core.plugin.Fixtures.ask;
import static dev.kaniko.core.plugin.Fixtures.load;
import static dev.kaniko.core.plugin.Fixtures.loaderOf;
import static dev.kaniko.core.plugin.Fixtures.probeJar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.plugin.testing.TestBundles;
import dev.kaniko.core.plugin.testing.TestJarBuilder;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaniko.plugin.jar} in a directory bundle's plugin.properties (written by the stock
 * bundles' assembly): the plugins are read from that jar's services file alone, and it comes
 * first on the bundle's class path, so the bundle's other jars stay closed at start.
 */
class PluginJarIndexTest {

  @TempDir Path work;
  Path plugins;

  @BeforeEach
  void createPluginsDir() throws Exception {
    plugins = Files.createDirectories(work.resolve("plugins"));
  }

  /** Bundle {@code id}: its plugin jar {@code zz-own.jar} and {@code aa-other.jar}, whose services file names a missing class. */
  private void bundle(String id, String pluginJar, TestJarBuilder own) {
    Path ownJar = own.build(work.resolve("zz-own.jar"));
    Path other = new TestJarBuilder(work).source("test.other.Util", "package test.other; public class Util {}")
        .plugin("test.other.Missing").build(work.resolve("aa-other.jar"));
    Properties descriptor = TestBundles.descriptor(id, "1.0.0", null);
    if (pluginJar != null) {
      descriptor.setProperty("kaniko.plugin.jar", pluginJar);
    }
    TestBundles.directoryBundle(plugins, id, descriptor, other, ownJar);
  }

  @Test
  void namedPluginJar_isTheOnlyServicesFileReadAndComesFirst() throws Exception {
    bundle("indexed", "lib/zz-own.jar", probeJar(work, "indexed"));

    try (PluginRegistry registry = load(plugins)) {
      assertThat(ask(registry, "indexed", "tccl")).contains("bundle");
      URLClassLoader loader = (URLClassLoader) loaderOf(registry, "indexed");
      assertThat(loader.getURLs()[0].getPath()).endsWith("/lib/zz-own.jar");
      assertThat(loader.getURLs()[1].getPath()).endsWith("/lib/aa-other.jar");
    }
  }

  @Test
  void withoutTheKey_everyJarsServicesFileIsRead() {
    bundle("scanned", null, probeJar(work, "scanned"));

    assertThatThrownBy(() -> load(plugins).close()).isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("plugin 'scanned'").hasMessageContaining("test.other.Missing");
  }

  @Test
  void namedPluginJarMissing_failsNamingThePlugin() throws Exception {
    bundle("nojar", "lib/absent.jar", probeJar(work, "nojar"));

    assertThatThrownBy(() -> load(plugins).close()).isInstanceOf(PluginLoadException.class)
        .hasMessage("plugin 'nojar' is broken: its kaniko.plugin.jar lib/absent.jar is not a jar of "
            + plugins.toRealPath().resolve("nojar/lib"));
  }

  @Test
  void namedPluginJarListingAMissingClass_failsNamingThePluginAndTheClass() {
    bundle("ghost", "lib/zz-own.jar", probeJar(work, "ghost").plugin("test.ghost.DoesNotExist"));

    assertThatThrownBy(() -> load(plugins).close()).isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("plugin 'ghost' is broken: cannot load its dev.kaniko.spi.Plugin"
            + " test.ghost.DoesNotExist");
  }
}
