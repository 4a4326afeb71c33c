package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheBackendFactoryTest {

  @TempDir Path dir;

  private ProviderFactory<CacheBackend> factory(String name) {
    try (PluginRegistry registry = PluginRegistry.load(PluginLoadOptions.builtinOnly())) {
      List<ProviderFactory<CacheBackend>> factories = registry.factories(CacheBackend.class);
      return factories.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
  }

  private CacheBackend create(String name, Map<String, String> config) throws PluginException {
    return factory(name).create(config, HostPluginContext.of(Map.of(), dir.resolve("work"), "builtin"));
  }

  @Test
  void builtinPlugin_registersDirAndOciBackends_thatStoreUnderTheirPath() throws Exception {
    Path blob = Files.write(dir.resolve("blob"), new byte[] {1, 2, 3});
    CacheEntry entry = new CacheEntry(Digests.sha256(blob), Digests.sha256(blob), 3, MediaTypes.OCI_LAYER);
    String key = CacheKeys.root(entry.digest());

    CacheBackend local = create("dir", Map.of("path", dir.resolve("d").toString(), "ttl", "1h"));
    CacheBackend oci = create("oci", Map.of("path", dir.resolve("o").toString()));
    local.store(key, entry, blob);
    oci.store(key, entry, blob);

    assertThat(local).hasToString("dir:" + dir.resolve("d"));
    assertThat(oci).hasToString("oci:" + dir.resolve("o"));
    assertThat(local.lookup(key)).contains(entry);
    assertThat(oci.lookup(key)).contains(entry);
    assertThat(dir.resolve("d/entries").resolve(key + ".json")).exists();
    assertThat(dir.resolve("o/index.json")).exists();
  }

  @Test
  void create_withoutPath_isAnInvalidConfiguration() {
    assertThatThrownBy(() -> create("dir", Map.of()))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.INVALID_CONFIGURATION))
        .hasMessage("the dir cache backend needs a 'path'");
  }

  @Test
  void create_withABadTtl_isAnInvalidConfiguration() {
    assertThatThrownBy(() -> create("oci", Map.of("path", dir.toString(), "ttl", "soon")))
        .isInstanceOf(PluginException.class).hasMessageStartingWith("the oci cache backend's 'ttl': ");
  }
}
