package dev.kaniko.plugins.context.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.Plugin;
import dev.kaniko.testsupport.plugin.RecordingClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3PluginLoadingTest {

  @Test
  void pluginFactoriesAndSupports_loadNoAwsSdkClass() throws Exception {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Plugin plugin = (Plugin) loader.loadClass(S3ContextPlugin.class.getName()).getConstructor().newInstance();

    List<?> factories = plugin.factories();
    ContextSourceFactory factory = (ContextSourceFactory) factories.get(0);

    assertThat(factory.supports("s3://bucket/context.tar.gz")).isTrue();
    assertThat(factory.supports("gs://bucket/context.tar.gz")).isFalse();
    assertThat(loader.loaded()).contains(S3ContextPlugin.class.getName())
        .noneMatch(name -> name.startsWith("software.amazon."));
  }
}
