package dev.kaniko.plugins.cred.gcr;
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
 * End to end: the cred-gcr bundle, loaded by the real plugin registry, gets an access token from a loopback
 * OAuth2 token endpoint (service-account JSON as ADC) and kaniko's pusher pushes with it to the harness registry,
 * which accepts only {@code oauth2accesstoken:<that token>} (htpasswd). The Artifact Registry host name resolves
 * to 127.0.0.1 through the JVM hosts file set by failsafe.
 */
class GcrPushIT {

  private static final String TOKEN = "ya29.e2e-" + UUID.randomUUID();

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithAuth("oauth2accesstoken", TOKEN);

  @TempDir Path work;
  private FakeGoogleTokenEndpoint api;
  private Path key;
  private LoadedBundle<PluginRegistry> bundle;
  private final RecordingLogger logger = new RecordingLogger();
  private ConsoleCapture console;

  @BeforeEach
  void start() throws Exception {
    api = new FakeGoogleTokenEndpoint();
    key = api.writeServiceAccount(work);
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
    return "europe-docker.pkg.dev:" + registry.port();
  }

  private Map<String, String> env() {
    return Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString(), "PATH", work.toString());
  }

  private CredentialChain chain(String configJson) throws Exception {
    return PluginPushes.chain(configJson, env(), work, bundle.registry(), logger);
  }

  private PushResult push(CredentialChain chain, String repoAndTag) throws Exception {
    return PluginPushes.push(chain, registryHost(), repoAndTag, work);
  }

  @Test
  void push_withoutConfigJsonEntry_usesTheTokenTheGcrPluginGot() throws Exception {
    api.issue(TOKEN);

    PushResult result = push(chain("{}"), "app:1");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.grants()).singleElement().extracting(FakeGoogleTokenEndpoint.Grant::issuer)
        .isEqualTo(FakeGoogleTokenEndpoint.CLIENT_EMAIL);
    assertNoTokenLogged();
  }

  @Test
  void push_configJsonNamingGcloudWithoutTheBinary_usesThePlugin() throws Exception {
    api.issue(TOKEN);

    PushResult result = push(chain("{\"credHelpers\":{\"" + registryHost() + "\":\"gcloud\"}}"), "app:2");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.grants()).hasSize(1);
    assertNoTokenLogged();
  }

  @Test
  void push_afterTheTokenExpired_usesARefreshedToken() throws Exception {
    api.expiresIn(302).issue("ya29.stale", TOKEN);
    CredentialChain chain = chain("{}");
    assertThatThrownBy(() -> push(chain, "app:5")).isInstanceOf(RegistryException.class);

    Thread.sleep(3_000);
    PushResult result = push(chain, "app:5");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.grants()).hasSize(2);
    assertNoTokenLogged();
  }

  @Test
  void push_tokenTheRegistryDenies_failsWithOneUnauthorizedLine() throws Exception {
    String wrong = "ya29.revoked-" + UUID.randomUUID();
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
  void push_googleDenial_failsWithOneLine() throws Exception {
    api.denyAll();

    assertThatThrownBy(() -> push(chain("{}"), "app:4"))
        .hasMessageNotContaining("\n")
        .hasMessageContaining("Google denied an access token (invalid_grant");
  }

  private void assertNoTokenLogged() {
    assertThat(console.text()).doesNotContain(TOKEN);
    assertThat(logger.lines()).noneMatch(line -> line.contains(TOKEN));
    assertThat(registry.log().text()).doesNotContain(TOKEN);
  }
}
