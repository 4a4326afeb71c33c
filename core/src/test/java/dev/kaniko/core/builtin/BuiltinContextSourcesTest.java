package dev.kaniko.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.ContextSourceFactory;
import org.junit.jupiter.api.Test;

/** The built-in context sources are found through the registry by scheme. */
class BuiltinContextSourcesTest {

  @Test
  void registry_picksTheBuiltinSourceByScheme() {
    try (PluginRegistry registry = PluginRegistry.load(PluginLoadOptions.builtinOnly())) {
      assertThat(registry.contextSourceFor("tar://stdin").map(ContextSourceFactory::name)).contains("tar");
      assertThat(registry.contextSourceFor("tar:///ctx.tar.gz").map(ContextSourceFactory::name)).contains("tar");
      assertThat(registry.contextSourceFor("https://example.com/ctx.tgz").map(ContextSourceFactory::name))
          .contains("https");
      assertThat(registry.contextSourceFor("/workspace").map(ContextSourceFactory::name)).contains("dir");
      assertThat(registry.contextSourceFor("https://acct.blob.core.windows.net/c/ctx.tgz")).isEmpty();
      assertThat(registry.contextSourceFor("git://github.com/o/r.git")).isEmpty();
      assertThat(registry.contextSourceFor("s3://bucket/ctx.tgz")).isEmpty();
    }
  }
}
