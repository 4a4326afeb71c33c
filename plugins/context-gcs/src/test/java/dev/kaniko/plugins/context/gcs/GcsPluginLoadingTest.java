package dev.kaniko.plugins.context.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.Plugin;
import dev.kaniko.testsupport.plugin.RecordingClassLoader;
import org.junit.jupiter.api.Test;

class GcsPluginLoadingTest {

  @Test
  void pluginFactoriesAndSupports_loadNoGoogleSdkClass() throws Exception {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Plugin plugin = (Plugin) loader.loadClass(GcsContextPlugin.class.getName()).getConstructor().newInstance();

    ContextSourceFactory factory = (ContextSourceFactory) plugin.factories().get(0);

    assertThat(factory.supports("gs://bucket/context.tar.gz")).isTrue();
    assertThat(factory.supports("s3://bucket/context.tar.gz")).isFalse();
    assertThat(loader.loaded()).contains(GcsContextPlugin.class.getName())
        .noneMatch(name -> name.startsWith("com.google."));
  }
}
