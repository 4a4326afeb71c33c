package dev.kaniko.core.plugin;

import static dev.kaniko.core.plugin.Fixtures.load;
import static dev.kaniko.core.plugin.Fixtures.pkg;
import static dev.kaniko.core.plugin.Fixtures.probeBundle;
import static dev.kaniko.core.plugin.Fixtures.probeJar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.plugin.testing.PluginSources;
import dev.kaniko.core.plugin.testing.TestBundles;
import dev.kaniko.core.plugin.testing.TestJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoadFailureTest {

  @TempDir Path work;
  Path plugins;

  @BeforeEach
  void createPluginsDir() throws Exception {
    plugins = Files.createDirectories(work.resolve("plugins"));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails() {
    return assertThatThrownBy(() -> load(plugins).close())
        .isInstanceOf(PluginLoadException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private void bundle(String id, TestJarBuilder jar) {
    Path built = jar.build(work.resolve(id + "-" + System.nanoTime() + ".jar"));
    TestBundles.directoryBundle(plugins, id, TestBundles.descriptor(id, "1.0.0", null), built);
  }

  private TestJarBuilder pluginJar(String id, String idExpression, String spiVersion, String factories, String body) {
    String pkg = pkg(id);
    return new TestJarBuilder(work)
        .source(pkg + ".TestPlugin", PluginSources.plugin(pkg + ".TestPlugin", idExpression, spiVersion, factories, body))
        .plugin(pkg + ".TestPlugin");
  }

  @Test
  void directoryWithoutDescriptor_failsNamingThePath() {
    Path bundle = TestBundles.directoryBundle(plugins, "nameless", null, probeJar(work, "x").build(work.resolve("x.jar")));

    assertLoadFails().hasMessageContaining(bundle.getFileName().toString()).hasMessageContaining("plugin.properties");
  }

  @Test
  void descriptorWithoutId_failsNamingThePath() {
    TestBundles.directoryBundle(plugins, "no-id", TestBundles.descriptor(null, "1.0.0", null),
        probeJar(work, "x").build(work.resolve("x.jar")));

    assertLoadFails().hasMessageContaining("no-id").hasMessageContaining("no plugin id");
  }

  @Test
  void descriptorWithoutVersion_failsNamingThePlugin() {
    TestBundles.directoryBundle(plugins, "dir", TestBundles.descriptor("versionless", null, null),
        probeJar(work, "x").build(work.resolve("x.jar")));

    assertLoadFails().hasMessageContaining("plugin 'versionless'").hasMessageContaining("no version");
  }

  @Test
  void jarWithoutPluginManifest_failsNamingThePath() {
    probeJar(work, "x").build(plugins.resolve("plain.jar"));

    assertLoadFails().hasMessageContaining("plain.jar");
  }

  @Test
  void bundleWithoutClasses_failsNamingThePlugin() {
    TestBundles.directoryBundle(plugins, "empty", TestBundles.descriptor("empty", "1.0.0", null));

    assertLoadFails().hasMessageContaining("plugin 'empty'").hasMessageContaining("lib/*.jar");
  }

  @Test
  void bundleRegisteringNoPlugin_failsNamingThePlugin() {
    bundle("silent", new TestJarBuilder(work).source("a.B", "package a; public class B {}"));

    assertLoadFails().hasMessageContaining("plugin 'silent'").hasMessageContaining("registers no dev.kaniko.spi.Plugin");
  }

  @Test
  void serviceFileNamingAMissingClass_failsNamingThePlugin() {
    bundle("ghost", probeJar(work, "ghost").plugin("test.ghost.DoesNotExist"));

    assertLoadFails().hasMessageContaining("plugin 'ghost'").hasMessageContaining("test.ghost.DoesNotExist");
  }

  @Test
  void pluginConstructorThrowing_failsNamingThePlugin() {
    bundle("ctor", pluginJar("ctor", "\"ctor\"", "dev.kaniko.spi.SpiVersion.CURRENT", "java.util.List.of()",
        "public TestPlugin() { throw new IllegalStateException(\"no way\"); }"));

    assertLoadFails().hasMessageContaining("plugin 'ctor'");
  }

  @Test
  void pluginIdThrowing_failsNamingTheBundle() {
    bundle("bad-id", pluginJar("bad-id", "fail()", "dev.kaniko.spi.SpiVersion.CURRENT", "java.util.List.of()",
        "String fail() { throw new UnsupportedOperationException(\"id exploded\"); }"));

    assertLoadFails().hasMessageContaining("plugin 'bad-id'").hasMessageContaining("id exploded");
  }

  @Test
  void factoriesThrowing_failsNamingThePlugin() {
    bundle("bad-factories", pluginJar("bad-factories", "\"bad-factories\"", "dev.kaniko.spi.SpiVersion.CURRENT",
        "fail()", "java.util.List<dev.kaniko.spi.ProviderFactory<?>> fail() { throw new RuntimeException(\"nope\"); }"));

    assertLoadFails().hasMessageContaining("plugin 'bad-factories'").hasMessageContaining("Plugin.factories");
  }

  @Test
  void contextSourceFactoryNotImplementingSupports_failsNamingThePlugin() {
    String pkg = pkg("raw-source");
    String factory = "package " + pkg + "; import dev.kaniko.spi.*; import java.util.Map;\n"
        + "public class Raw implements ProviderFactory<ContextSource> {\n"
        + "  public Class<ContextSource> type() { return ContextSource.class; }\n"
        + "  public String name() { return \"raw\"; }\n"
        + "  public ContextSource create(Map<String, String> c, PluginContext x) { return null; }\n}\n";
    bundle("raw-source", pluginJar("raw-source", "\"raw-source\"", "dev.kaniko.spi.SpiVersion.CURRENT",
        "java.util.List.of(new Raw())", "").source(pkg + ".Raw", factory));

    assertLoadFails().hasMessageContaining("plugin 'raw-source'").hasMessageContaining("not a ContextSourceFactory");
  }

  @Test
  void requiresNewerHost_failsAsIncompatibleNamingThePlugin() {
    Path jar = probeJar(work, "future").build(work.resolve("future.jar"));
    TestBundles.directoryBundle(plugins, "future", TestBundles.descriptor("future", "1.0.0", ">=2.0.0"), jar);

    assertLoadFails().hasMessageContaining("plugin 'future'").hasMessageContaining("incompatible")
        .hasMessageContaining(">=2.0.0");
  }

  @Test
  void exactRequiresNewerThanHost_failsAsIncompatible() {
    probeJar(work, "future").pluginDescriptor("future", "1.0.0", "1.1.0").build(plugins.resolve("future.jar"));

    assertLoadFails().hasMessageContaining("plugin 'future'").hasMessageContaining("incompatible");
  }

  @Test
  void requiresSatisfiedByHost_loads() throws Exception {
    Path jar = probeJar(work, "fine").build(work.resolve("fine.jar"));
    TestBundles.directoryBundle(plugins, "fine", TestBundles.descriptor("fine", "1.0.0", ">=1.0.0 & <2.0.0"), jar);

    try (PluginRegistry registry = load(plugins)) {
      assertThat(registry.plugins()).extracting(PluginInfo::id).contains("fine");
    }
  }

  @Test
  void invalidRequiresExpression_failsNamingThePlugin() {
    Path jar = probeJar(work, "garbled").build(work.resolve("garbled.jar"));
    TestBundles.directoryBundle(plugins, "garbled", TestBundles.descriptor("garbled", "1.0.0", "not a range"), jar);

    assertLoadFails().hasMessageContaining("plugin 'garbled'").hasMessageContaining("Plugin-Requires");
  }

  @Test
  void pluginBuiltForNewerSpi_failsAsIncompatibleNamingThePlugin() {
    bundle("newer-spi", pluginJar("newer-spi", "\"newer-spi\"", "\"1.5.0\"", "java.util.List.of()", ""));

    assertLoadFails().hasMessageContaining("plugin 'newer-spi'").hasMessageContaining("incompatible")
        .hasMessageContaining("1.5.0");
  }

  @Test
  void pluginBuiltForOlderMajorSpi_failsAsIncompatible() {
    bundle("old-spi", pluginJar("old-spi", "\"old-spi\"", "\"0.9.0\"", "java.util.List.of()", ""));

    assertLoadFails().hasMessageContaining("plugin 'old-spi'").hasMessageContaining("incompatible");
  }

  @Test
  void twoBundlesWithTheSameId_fail() {
    Path first = probeJar(work, "twin").build(work.resolve("twin1.jar"));
    Path second = probeJar(work, "twin").build(work.resolve("twin2.jar"));
    TestBundles.directoryBundle(plugins, "twin-1", TestBundles.descriptor("twin", "1.0.0", null), first);
    TestBundles.directoryBundle(plugins, "twin-2", TestBundles.descriptor("twin", "2.0.0", null), second);

    assertLoadFails().hasMessageContaining("duplicate plugin id 'twin'");
  }

  @Test
  void sameIdInTwoPluginDirectories_fails() throws Exception {
    Path other = Files.createDirectories(work.resolve("other"));
    probeBundle(work, plugins, "twin");
    Path jar = probeJar(work, "twin").build(work.resolve("twin-again.jar"));
    TestBundles.directoryBundle(other, "twin", TestBundles.descriptor("twin", "1.0.0", null), jar);

    assertThatThrownBy(() -> load(plugins, other).close())
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("duplicate plugin id 'twin'");
  }

  @Test
  void bundleClaimingTheBuiltinId_fails() {
    bundle("impostor", pluginJar("impostor", "\"builtin\"", "dev.kaniko.spi.SpiVersion.CURRENT", "java.util.List.of()", ""));

    assertLoadFails().hasMessageContaining("duplicate plugin id 'builtin'");
  }

  @Test
  void twoProvidersWithTheSameTypeAndName_fail() {
    String factoryA = pkg("one") + ".Source";
    bundle("one", pluginJar("one", "\"one\"", "dev.kaniko.spi.SpiVersion.CURRENT", "java.util.List.of(new Source())", "")
        .source(factoryA, PluginSources.contextSourceFactory(factoryA, "same", "one://")));
    String factoryB = pkg("two") + ".Source";
    bundle("two", pluginJar("two", "\"two\"", "dev.kaniko.spi.SpiVersion.CURRENT", "java.util.List.of(new Source())", "")
        .source(factoryB, PluginSources.contextSourceFactory(factoryB, "same", "two://")));

    assertLoadFails().hasMessageContaining("duplicate ContextSource provider 'same'")
        .hasMessageContaining("'one'").hasMessageContaining("'two'");
  }

  @Test
  void providerShadowingTheBuiltinDirSource_fails() {
    String factory = pkg("shadow") + ".Source";
    bundle("shadow", pluginJar("shadow", "\"shadow\"", "dev.kaniko.spi.SpiVersion.CURRENT", "java.util.List.of(new Source())", "")
        .source(factory, PluginSources.contextSourceFactory(factory, "dir", "dir://")));

    assertLoadFails().hasMessageContaining("duplicate ContextSource provider 'dir'").hasMessageContaining("'builtin'");
  }

  @Test
  void sameNameForDifferentTypes_isAllowed() throws Exception {
    String factory = pkg("multi") + ".Source";
    bundle("multi", pluginJar("multi", "\"multi\"", "dev.kaniko.spi.SpiVersion.CURRENT",
        "java.util.List.of(new Probe(), new Source())", "")
        .source(pkg("multi") + ".Probe", PluginSources.probeFactory(pkg("multi") + ".Probe", "multi"))
        .source(factory, PluginSources.contextSourceFactory(factory, "multi", "multi://")));

    try (PluginRegistry registry = load(plugins)) {
      assertThat(registry.factories(dev.kaniko.spi.CredentialHelper.class)).extracting(f -> f.name()).contains("multi");
      assertThat(registry.factories(dev.kaniko.spi.ContextSource.class)).extracting(f -> f.name()).contains("multi");
    }
  }

  @Test
  void zipInPluginDirectory_failsNamingIt() throws Exception {
    Files.write(plugins.resolve("bundle.zip"), new byte[] {'P', 'K', 5, 6});

    assertLoadFails().hasMessageContaining("bundle.zip").hasMessageContaining("unpack");
  }

  @Test
  void missingPluginDirectory_fails() {
    Path missing = work.resolve("nope");

    assertThatThrownBy(() -> load(missing).close())
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void brokenBundleAfterGoodOnes_failsTheWholeLoad() {
    probeBundle(work, plugins, "a-good");
    bundle("z-bad", probeJar(work, "z-bad").plugin("test.z_bad.Missing"));

    assertLoadFails().hasMessageContaining("plugin 'z-bad'");
  }

  @Test
  void disabledBundle_isNeitherInstantiatedNorChecked() throws Exception {
    probeBundle(work, plugins, "enabled");
    bundle("broken", probeJar(work, "broken").plugin("test.broken.Missing"));
    Path jar = probeJar(work, "future").build(work.resolve("future.jar"));
    TestBundles.directoryBundle(plugins, "future", TestBundles.descriptor("future", "1.0.0", ">=9.0.0"), jar);

    try (PluginRegistry registry =
        PluginRegistry.load(new PluginLoadOptions(List.of(plugins), Set.of("broken", "future")))) {
      assertThat(registry.plugins()).extracting(PluginInfo::id).containsExactly("builtin", "enabled");
      assertThat(registry.factories(dev.kaniko.spi.CredentialHelper.class)).extracting(f -> f.name())
          .containsExactly("enabled");
    }
  }

  @Test
  void bundleWithTwoPlugins_canDisableEachByPluginId() throws Exception {
    new TestJarBuilder(work)
        .source("test.pair.One", PluginSources.plugin("test.pair.One", "pair-one", "java.util.List.of()"))
        .source("test.pair.Two", PluginSources.plugin("test.pair.Two", "pair-two", "java.util.List.of()"))
        .plugin("test.pair.One")
        .plugin("test.pair.Two")
        .pluginDescriptor("pair", "1.0.0", null)
        .build(plugins.resolve("pair.jar"));

    try (PluginRegistry registry = load(plugins)) {
      assertThat(registry.plugins()).extracting(PluginInfo::id).containsExactly("builtin", "pair-one", "pair-two");
    }
    try (PluginRegistry registry =
        PluginRegistry.load(new PluginLoadOptions(List.of(plugins), Set.of("pair-one")))) {
      assertThat(registry.plugins()).extracting(PluginInfo::id).containsExactly("builtin", "pair-two");
    }
    try (PluginRegistry registry =
        PluginRegistry.load(new PluginLoadOptions(List.of(plugins), Set.of("pair-one", "pair-two")))) {
      assertThat(registry.plugins()).extracting(PluginInfo::id).containsExactly("builtin");
    }
  }

  @Test
  void disabledBuiltin_isLeftOut() {
    try (PluginRegistry registry =
        PluginRegistry.load(new PluginLoadOptions(List.of(), Set.of("builtin")))) {
      assertThat(registry.plugins()).isEmpty();
      assertThat(registry.contextSourceFor("/workspace")).isEmpty();
    }
  }
}
