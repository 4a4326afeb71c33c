package dev.kaniko.plugins.context.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.Plugin;
import dev.kaniko.testsupport.plugin.RecordingClassLoader;
import org.junit.jupiter.api.Test;

class AzurePluginLoadingTest {

  @Test
  void pluginFactoriesAndSupports_loadNoAzureSdkClass() throws Exception {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Plugin plugin = (Plugin) loader.loadClass(AzureContextPlugin.class.getName()).getConstructor().newInstance();

    ContextSourceFactory factory = (ContextSourceFactory) plugin.factories().get(0);

    assertThat(factory.supports("https://acct.blob.core.windows.net/c/context.tar.gz")).isTrue();
    assertThat(factory.supports("https://example.com/context.tar.gz")).isFalse();
    assertThat(loader.loaded()).contains(AzureContextPlugin.class.getName())
        .noneMatch(name -> name.startsWith("com.azure.") || name.startsWith("com.microsoft."));
  }
}
