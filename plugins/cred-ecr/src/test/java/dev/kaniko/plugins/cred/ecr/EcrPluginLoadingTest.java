package dev.kaniko.plugins.cred.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.testsupport.plugin.RecordingClassLoader;
import org.junit.jupiter.api.Test;

class EcrPluginLoadingTest {

  @Test
  void pluginAndFactoryMetadata_loadNoAwsSdkClass() throws Exception {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Plugin plugin = (Plugin) loader.loadClass(EcrCredentialPlugin.class.getName()).getConstructor().newInstance();

    ProviderFactory<?> factory = plugin.factories().get(0);

    assertThat(plugin.id()).isEqualTo("cred-ecr");
    assertThat(factory.type()).isEqualTo(CredentialHelper.class);
    assertThat(factory.name()).isEqualTo("ecr");
    assertThat(loader.loaded()).contains(EcrCredentialPlugin.class.getName())
        .noneMatch(name -> name.startsWith("software.amazon."));
  }
}
