package dev.kaniko.core.plugin;

import dev.kaniko.core.plugin.testing.PluginSources;
import dev.kaniko.core.plugin.testing.TestBundles;
import dev.kaniko.core.plugin.testing.TestJarBuilder;
import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.RegistryCredential;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test plugins shared by the plugin loading tests. */
final class Fixtures {

  private Fixtures() {}

  /** Java package for a plugin id, e.g. {@code probe-a} becomes {@code test.probe_a}. */
  static String pkg(String id) {
    return "test." + id.replace('-', '_');
  }

  /** A jar holding plugin {@code id} with one probe credential helper named {@code id}. */
  static TestJarBuilder probeJar(Path work, String id) {
    String pkg = pkg(id);
    return new TestJarBuilder(work)
        .source(pkg + ".ProbePlugin", PluginSources.plugin(pkg + ".ProbePlugin", id, "java.util.List.of(new Probe())"))
        .source(pkg + ".Probe", PluginSources.probeFactory(pkg + ".Probe", id))
        .plugin(pkg + ".ProbePlugin");
  }

  /** A directory bundle {@code pluginsDir/id} holding {@link #probeJar}. */
  static Path probeBundle(Path work, Path pluginsDir, String id) {
    Path jar = probeJar(work, id).build(work.resolve(id + ".jar"));
    return TestBundles.directoryBundle(pluginsDir, id, TestBundles.descriptor(id, "1.2.3", null), jar);
  }

  static PluginRegistry load(Path... dirs) {
    return PluginRegistry.load(new PluginLoadOptions(List.of(dirs), Set.of()));
  }

  /** Creates the probe helper named {@code name} and sends it {@code command}. */
  static Optional<String> ask(PluginRegistry registry, String name, String command) throws PluginException {
    return helper(registry, name).retrieve(command).map(RegistryCredential::secret);
  }

  static CredentialHelper helper(PluginRegistry registry, String name) throws PluginException {
    return factory(registry, name).create(Map.of(), null);
  }

  static ProviderFactory<CredentialHelper> factory(PluginRegistry registry, String name) {
    return registry.factories(CredentialHelper.class).stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no credential helper " + name));
  }

  /** The class loader of the bundle that contributed the factory named {@code name}. */
  static ClassLoader loaderOf(PluginRegistry registry, String name) {
    return ((GuardedProviderFactory<?>) factory(registry, name)).guard().loader();
  }
}
