package dev.kaniko.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.ProviderFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginConfigsTest {

  private static final ProviderFactory<CredentialHelper> FACTORY = new ProviderFactory<>() {
    @Override
    public Class<CredentialHelper> type() {
      return CredentialHelper.class;
    }

    @Override
    public String name() {
      return "test";
    }

    @Override
    public Set<String> sensitiveConfigKeys() {
      return Set.of("secretKey");
    }

    @Override
    public CredentialHelper create(Map<String, String> config, PluginContext context) {
      return registry -> Optional.empty();
    }
  };

  @Test
  void toLogString_redactsSensitiveKeysOnly() {
    String rendered = PluginConfigs.toLogString(FACTORY, Map.of("secretKey", "hunter2", "region", "eu-west-1"));

    assertThat(rendered).isEqualTo("{region=eu-west-1, secretKey=<redacted>}").doesNotContain("hunter2");
  }
}
