package dev.kaniko.plugins.cred.acr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.auth.CredentialChain;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.registry.PushResult;
import dev.kaniko.core.registry.RegistryException;
import dev.kaniko.plugins.PluginPushes;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.plugin.ConsoleCapture;
import dev.kaniko.testsupport.plugin.LoadedBundle;
import dev.kaniko.testsupport.plugin.RecordingLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the cred-acr bundle, loaded by the real plugin registry, gets an Azure AD token from a loopback AAD
 * endpoint, exchanges it at a loopback ACR exchange endpoint, and kaniko's pusher pushes with the refresh token to
 * the harness registry, which accepts only {@code 00000000-0000-0000-0000-000000000000:<that token>} (htpasswd).
 * The ACR host name resolves to 127.0.0.1 through the JVM hosts file set by failsafe.
 */
class AcrPushIT {

  private static final String CLIENT_SECRET = "client-secret-" + UUID.randomUUID();
  private static final String TOKEN = FakeAzure.refreshToken(Instant.now().plus(Duration.ofHours(3)));

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithAuth("00000000-0000-0000-0000-000000000000", TOKEN);

  @TempDir Path work;
  private FakeAzure api;
  private LoadedBundle<PluginRegistry> bundle;
  private final RecordingLogger logger = new RecordingLogger();
  private ConsoleCapture console;

  @BeforeEach
  void start() throws Exception {
    api = new FakeAzure(CLIENT_SECRET);
    bundle = LoadedBundle.load(dir -> PluginRegistry.load(new PluginLoadOptions(List.of(dir), Set.of())));
    console = ConsoleCapture.start();
  }

  @AfterEach
  void stop() throws Exception {
    console.close();
    bundle.close();
    api.close();
  }

  private String registryHost() {
    return "kanikotest.azurecr.io:" + registry.port();
  }

  private Map<String, String> env() {
    return Map.of("AZURE_CLIENT_ID", FakeAzure.CLIENT_ID, "AZURE_TENANT_ID", FakeAzure.TENANT,
        "AZURE_CLIENT_SECRET", CLIENT_SECRET, "AZURE_AUTHORITY_HOST", api.url(), "KANIKO_ACR_EXCHANGE_URL", api.url(),
        "PATH", work.toString());
  }

  private CredentialChain chain(String configJson) throws Exception {
    return PluginPushes.chain(configJson, env(), work, bundle.registry(), logger);
  }

  private PushResult push(CredentialChain chain, String repoAndTag) throws Exception {
    return PluginPushes.push(chain, registryHost(), repoAndTag, work);
  }

  @Test
  void push_withoutConfigJsonEntry_usesTheTokenTheAcrPluginGot() throws Exception {
    api.issue(TOKEN);

    PushResult result = push(chain("{}"), "app:1");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.exchanges()).containsExactly(new FakeAzure.Exchange("kanikotest.azurecr.io", FakeAzure.TENANT));
    assertNoTokenLogged();
  }

  @Test
  void push_configJsonNamingAcrEnvWithoutTheBinary_usesThePlugin() throws Exception {
    api.issue(TOKEN);

    PushResult result = push(chain("{\"credHelpers\":{\"" + registryHost() + "\":\"acr-env\"}}"), "app:2");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.exchanges()).hasSize(1);
    assertNoTokenLogged();
  }

  @Test
  void push_afterTheTokenExpired_usesARefreshedToken() throws Exception {
    api.issue(FakeAzure.refreshToken(Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(2)), TOKEN);
    CredentialChain chain = chain("{}");
    assertThatThrownBy(() -> push(chain, "app:5")).isInstanceOf(RegistryException.class);

    Thread.sleep(3_000);
    PushResult result = push(chain, "app:5");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.exchanges()).hasSize(2);
    assertNoTokenLogged();
  }

  @Test
  void push_tokenTheRegistryDenies_failsWithOneUnauthorizedLine() throws Exception {
    String wrong = FakeAzure.refreshToken(Instant.now().plus(Duration.ofHours(2)));
    api.issue(wrong);

    assertThatThrownBy(() -> push(chain("{}"), "app:3"))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED))
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining(wrong)
        .hasMessageContaining(registryHost());
    assertThat(console.text()).doesNotContain(wrong);
    assertThat(logger.lines()).noneMatch(line -> line.contains(wrong));
  }

  @Test
  void push_exchangeRefused_failsWithOneLineNamingTheRegistry() throws Exception {
    api.denyExchange();

    assertThatThrownBy(() -> push(chain("{}"), "app:4"))
        .hasMessageNotContaining("\n")
        .hasMessageContaining("ACR " + registryHost() + " refused to exchange the Azure AD token");
  }

  private void assertNoTokenLogged() {
    assertThat(console.text()).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET);
    assertThat(logger.lines()).noneMatch(line -> line.contains(TOKEN));
    assertThat(registry.log().text()).doesNotContain(TOKEN);
  }
}
