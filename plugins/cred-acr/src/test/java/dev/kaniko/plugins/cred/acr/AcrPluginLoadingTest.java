package dev.kaniko.plugins.cred.acr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.testsupport.plugin.RecordingClassLoader;
import org.junit.jupiter.api.Test;

class AcrPluginLoadingTest {

  @Test
  void pluginAndFactoryMetadata_loadNoAzureSdkClass() throws Exception {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Plugin plugin = (Plugin) loader.loadClass(AcrCredentialPlugin.class.getName()).getConstructor().newInstance();

    ProviderFactory<?> factory = plugin.factories().get(0);

    assertThat(plugin.id()).isEqualTo("cred-acr");
    assertThat(factory.type()).isEqualTo(CredentialHelper.class);
    assertThat(factory.name()).isEqualTo("acr");
    assertThat(loader.loaded()).contains(AcrCredentialPlugin.class.getName())
        .noneMatch(name -> name.startsWith("com.azure.") || name.startsWith("com.microsoft.aad."));
  }
}
