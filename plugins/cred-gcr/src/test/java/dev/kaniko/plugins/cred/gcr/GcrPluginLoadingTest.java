package dev.kaniko.plugins.cred.gcr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.testsupport.plugin.RecordingClassLoader;
import org.junit.jupiter.api.Test;

class GcrPluginLoadingTest {

  @Test
  void pluginAndFactoryMetadata_loadNoGoogleLibraryClass() throws Exception {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Plugin plugin = (Plugin) loader.loadClass(GcrCredentialPlugin.class.getName()).getConstructor().newInstance();

    ProviderFactory<?> factory = plugin.factories().get(0);

    assertThat(plugin.id()).isEqualTo("cred-gcr");
    assertThat(factory.type()).isEqualTo(CredentialHelper.class);
    assertThat(factory.name()).isEqualTo("gcr");
    assertThat(loader.loaded()).contains(GcrCredentialPlugin.class.getName())
        .noneMatch(name -> name.startsWith("com.google."));
  }
}
