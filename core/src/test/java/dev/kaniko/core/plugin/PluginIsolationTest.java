package dev.kaniko.core.plugin;

import static dev.kaniko.core.plugin.Fixtures.ask;
import static dev.kaniko.core.plugin.Fixtures.load;
import static dev.kaniko.core.plugin.Fixtures.loaderOf;
import static dev.kaniko.core.plugin.Fixtures.pkg;
import static dev.kaniko.core.plugin.Fixtures.probeBundle;
import static dev.kaniko.core.plugin.Fixtures.probeJar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.plugin.testing.TestBundles;
import dev.kaniko.core.plugin.testing.TestJarBuilder;
import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginIsolationTest {

  @TempDir Path work;

  @Test
  void bundlesWithConflictingVersionsOfOneClass_eachSeeTheirOwn() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    bundleWithLibrary(plugins, "probe-a", "1.0");
    bundleWithLibrary(plugins, "probe-b", "2.0");

    try (PluginRegistry registry = load(plugins)) {
      assertThat(ask(registry, "probe-a", "call:shared.lib.Version")).contains("1.0");
      assertThat(ask(registry, "probe-b", "call:shared.lib.Version")).contains("2.0");
      assertThat(ask(registry, "probe-a", "load:shared.lib.Version")).contains("kaniko-plugin-probe-a");
      assertThat(ask(registry, "probe-b", "load:shared.lib.Version")).contains("kaniko-plugin-probe-b");
    }
  }

  private void bundleWithLibrary(Path plugins, String id, String version) {
    Path library = new TestJarBuilder(work)
        .source("shared.lib.Version",
            "package shared.lib; public class Version { public static String value() { return \"" + version + "\"; } }")
        .build(work.resolve("shared-lib-" + version + ".jar"));
    Path pluginJar = probeJar(work, id).build(work.resolve(id + ".jar"));
    TestBundles.directoryBundle(plugins, id, TestBundles.descriptor(id, "1.0.0", null), pluginJar, library);
  }

  @Test
  void bundle_cannotSeeHostLibrariesLikeJibOrJackson() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    probeBundle(work, plugins, "probe");
    String jib = "com.google.cloud.tools.jib.api.Jib";
    String jackson = "com.fasterxml.jackson.databind.ObjectMapper";
    String pf4j = "org.pf4j.PluginManager";
    String core = PluginRegistry.class.getName();
    for (String hostClass : new String[] {jib, jackson, pf4j, core}) {
      assertThat(Class.forName(hostClass, false, getClass().getClassLoader())).isNotNull();
    }

    try (PluginRegistry registry = load(plugins)) {
      assertThat(ask(registry, "probe", "load:" + jib)).contains("missing");
      assertThat(ask(registry, "probe", "load:" + jackson)).contains("missing");
      assertThat(ask(registry, "probe", "load:" + pf4j)).contains("missing");
      assertThat(ask(registry, "probe", "load:" + core)).contains("missing");
      assertThat(ask(registry, "probe", "load:java.sql.Connection")).contains("platform");
      assertThat(ask(registry, "probe", "load:java.lang.String")).contains("bootstrap");
      ClassLoader bundle = loaderOf(registry, "probe");
      assertThatThrownBy(() -> bundle.loadClass(jackson)).isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void bundle_cannotSeeAnotherBundlesClasses() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    probeBundle(work, plugins, "probe-a");
    probeBundle(work, plugins, "probe-b");

    try (PluginRegistry registry = load(plugins)) {
      assertThat(ask(registry, "probe-a", "load:" + pkg("probe-b") + ".Probe")).contains("missing");
      assertThat(ask(registry, "probe-a", "load:" + pkg("probe-a") + ".Probe")).contains("kaniko-plugin-probe-a");
    }
  }

  @Test
  void bundle_seesOnlyItsOwnServiceFilesAndResources() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Path jar = probeJar(work, "probe").resource("probe-only.txt", "x").build(work.resolve("probe.jar"));
    TestBundles.directoryBundle(plugins, "probe", TestBundles.descriptor("probe", "1.0.0", null), jar);
    assertThat(getClass().getClassLoader().getResources("META-INF/services/dev.kaniko.spi.Plugin").hasMoreElements())
        .isTrue();

    try (PluginRegistry registry = load(plugins)) {
      assertThat(ask(registry, "probe", "resources:META-INF/services/dev.kaniko.spi.Plugin")).contains("1");
      assertThat(ask(registry, "probe", "resources:probe-only.txt")).contains("1");
      assertThat(ask(registry, "probe", "resources:META-INF/maven/org.pf4j/pf4j/pom.properties")).contains("0");
    }
  }

  @Test
  void bundleThatWronglyCarriesSpiClasses_stillUsesTheHostSpi() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Path jar = probeJar(work, "probe")
        .includeClassesOf(TestJarBuilder.spiClassPath())
        .build(work.resolve("probe.jar"));
    try (var entries = new java.util.jar.JarFile(jar.toFile())) {
      assertThat(entries.getEntry("dev/kaniko/spi/Plugin.class")).isNotNull();
    }
    TestBundles.directoryBundle(plugins, "probe", TestBundles.descriptor("probe", "1.0.0", null), jar);

    try (PluginRegistry registry = load(plugins)) {
      ClassLoader bundle = loaderOf(registry, "probe");
      assertThat(bundle.loadClass("dev.kaniko.spi.Plugin")).isSameAs(Plugin.class);
      assertThat(bundle.loadClass("dev.kaniko.spi.ProviderFactory")).isSameAs(ProviderFactory.class);
      assertThat(ask(registry, "probe", "load:dev.kaniko.spi.Plugin"))
          .contains(Plugin.class.getClassLoader().getName());
    }
  }

  @Test
  void jarBundleWithManifestDescriptor_loads() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    probeJar(work, "probe").pluginDescriptor("probe", "4.5.6", ">=1.0.0").build(plugins.resolve("probe.jar"));

    try (PluginRegistry registry = load(plugins)) {
      assertThat(registry.plugins())
          .contains(new PluginInfo("probe", "4.5.6", plugins.toRealPath().resolve("probe.jar").toString()));
      assertThat(ask(registry, "probe", "load:" + pkg("probe") + ".Probe")).contains("kaniko-plugin-probe");
    }
  }

  @Test
  void directoryBundleWithClassesDir_loads() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Path jar = probeJar(work, "probe").build(work.resolve("probe.jar"));
    Path bundle = TestBundles.directoryBundle(plugins, "probe", TestBundles.descriptor("probe", "1.0.0", null));
    try (var zip = java.nio.file.FileSystems.newFileSystem(jar)) {
      Path root = zip.getPath("/");
      try (var files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = bundle.resolve("classes").resolve(root.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }

    try (PluginRegistry registry = load(plugins)) {
      assertThat(ask(registry, "probe", "tccl")).contains("bundle");
    }
  }

  @Test
  void close_closesBundleClassLoaders() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    probeBundle(work, plugins, "probe");
    PluginRegistry registry = load(plugins);
    ClassLoader bundle = loaderOf(registry, "probe");

    registry.close();

    assertThat(((java.net.URLClassLoader) bundle).getResource("META-INF/services/dev.kaniko.spi.Plugin")).isNull();
  }
}
