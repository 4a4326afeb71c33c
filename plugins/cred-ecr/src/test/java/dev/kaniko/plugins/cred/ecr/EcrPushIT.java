package dev.kaniko.plugins.cred.ecr;
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
 * End to end: the cred-ecr bundle, loaded by the real plugin registry, gets a token from a loopback ECR API
 * and kaniko's pusher pushes with it to the harness registry, which accepts only {@code AWS:<that token>}
 * (htpasswd). The ECR host name resolves to 127.0.0.1 through the JVM hosts file set by failsafe.
 */
class EcrPushIT {

  private static final String TOKEN = "ecr-token-" + UUID.randomUUID();

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithAuth("AWS", TOKEN);

  @TempDir Path work;
  private FakeEcrApi api;
  private LoadedBundle<PluginRegistry> bundle;
  private final RecordingLogger logger = new RecordingLogger();
  private ConsoleCapture console;

  @BeforeEach
  void start() throws Exception {
    api = new FakeEcrApi("AKIAIOSFODNN7EXAMPLE");
    bundle = LoadedBundle.load(dir -> PluginRegistry.load(new PluginLoadOptions(List.of(dir), Set.of())));
    console = ConsoleCapture.start();
  }

  @AfterEach
  void stop() throws Exception {
    console.close();
    bundle.close();
    api.close();
  }

  private String ecrHost() {
    return "123456789012.dkr.ecr.us-east-1.amazonaws.com:" + registry.port();
  }

  private Map<String, String> env() {
    return Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret-key-example",
        "AWS_ENDPOINT_URL_ECR", api.url(), "PATH", work.toString());
  }

  private CredentialChain chain(String configJson) throws Exception {
    return PluginPushes.chain(configJson, env(), work, bundle.registry(), logger);
  }

  private PushResult push(CredentialChain chain, String repoAndTag) throws Exception {
    return PluginPushes.push(chain, ecrHost(), repoAndTag, work);
  }

  @Test
  void push_withoutConfigJsonEntry_usesTheTokenTheEcrPluginGot() throws Exception {
    api.issue(TOKEN);

    PushResult result = push(chain("{}"), "app:1");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.requests()).singleElement().extracting(FakeEcrApi.Request::region).isEqualTo("us-east-1");
    assertNoTokenLogged();
  }

  @Test
  void push_configJsonNamingEcrLoginWithoutTheBinary_usesThePlugin() throws Exception {
    api.issue(TOKEN);

    PushResult result = push(chain("{\"credHelpers\":{\"" + ecrHost() + "\":\"ecr-login\"}}"), "app:2");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.requests()).hasSize(1);
    assertNoTokenLogged();
  }

  @Test
  void push_afterTheTokenExpired_usesARefreshedToken() throws Exception {
    api.validFor(Duration.ofMinutes(5).plusSeconds(2)).issue("ecr-token-stale", TOKEN);
    CredentialChain chain = chain("{}");
    assertThatThrownBy(() -> push(chain, "app:5")).isInstanceOf(RegistryException.class);

    Thread.sleep(3_000);
    PushResult result = push(chain, "app:5");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(api.requests()).hasSize(2);
    assertNoTokenLogged();
  }

  @Test
  void push_tokenTheRegistryDenies_failsWithOneUnauthorizedLine() throws Exception {
    String wrong = "ecr-token-revoked-" + UUID.randomUUID();
    api.issue(wrong);

    assertThatThrownBy(() -> push(chain("{}"), "app:3"))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED))
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining(wrong)
        .hasMessageContaining(ecrHost());
    assertThat(console.text()).doesNotContain(wrong);
    assertThat(logger.lines()).noneMatch(line -> line.contains(wrong));
  }

  @Test
  void push_awsDenial_failsWithOneLineNamingTheRegistry() throws Exception {
    api.denyAll();

    assertThatThrownBy(() -> push(chain("{}"), "app:4"))
        .hasMessageNotContaining("\n")
        .hasMessageContaining("AWS denied an ECR authorization token for " + ecrHost());
  }

  private void assertNoTokenLogged() {
    assertThat(console.text()).doesNotContain(TOKEN);
    assertThat(logger.lines()).noneMatch(line -> line.contains(TOKEN));
    assertThat(registry.log().text()).doesNotContain(TOKEN);
  }
}
