package dev.kaniko.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginLoadOptionsTest {

  private static final String SEP = File.pathSeparator;

  @Test
  void dirsFromEnv_splitsOnThePathSeparatorAndDropsEmptyEntries() {
    Map<String, String> env = Map.of("KANIKO_PLUGIN_DIR", "/opt/a" + SEP + SEP + " /opt/b " + SEP + "/opt/c" + SEP);

    assertThat(PluginLoadOptions.dirsFromEnv(env)).containsExactly(Path.of("/opt/a"), Path.of("/opt/b"), Path.of("/opt/c"));
  }

  @Test
  void dirsFromEnv_isEmptyWhenUnsetOrBlank() {
    assertThat(PluginLoadOptions.dirsFromEnv(Map.of())).isEmpty();
    assertThat(PluginLoadOptions.dirsFromEnv(Map.of("KANIKO_PLUGIN_DIR", ""))).isEmpty();
  }

  @Test
  void forExecutor_ordersDistributionThenFlagsThenEnvironment(@org.junit.jupiter.api.io.TempDir Path distribution) {
    PluginLoadOptions options = PluginLoadOptions.forExecutor(
        distribution,
        List.of(Path.of("/flag")),
        Map.of("KANIKO_PLUGIN_DIR", "/env1" + SEP + "/env2"),
        Set.of("context-s3"));

    assertThat(options.pluginDirs())
        .containsExactly(distribution, Path.of("/flag"), Path.of("/env1"), Path.of("/env2"));
    assertThat(options.disabledPluginIds()).containsExactly("context-s3");
  }

  @Test
  void forExecutor_withoutDistributionDir_keepsTheOthers() {
    PluginLoadOptions options = PluginLoadOptions.forExecutor(null, List.of(), Map.of("KANIKO_PLUGIN_DIR", "/env"), Set.of());
    PluginLoadOptions missing = PluginLoadOptions.forExecutor(
        Path.of("/no/such/kaniko/plugins"), List.of(Path.of("/flag")), Map.of(), Set.of());

    assertThat(options.pluginDirs()).containsExactly(Path.of("/env"));
    assertThat(missing.pluginDirs()).containsExactly(Path.of("/flag"));
  }

  @Test
  void sameDirectoryListedTwice_isLoadedOnce(@org.junit.jupiter.api.io.TempDir Path work) throws Exception {
    Path plugins = java.nio.file.Files.createDirectories(work.resolve("plugins"));
    Fixtures.probeBundle(work, plugins, "probe");

    try (PluginRegistry registry = Fixtures.load(plugins, work.resolve("plugins/../plugins"))) {
      assertThat(registry.plugins()).extracting(PluginInfo::id).containsExactly("builtin", "probe");
    }
  }
}
