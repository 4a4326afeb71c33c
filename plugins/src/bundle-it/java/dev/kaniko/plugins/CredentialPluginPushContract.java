package dev.kaniko.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.auth.CredentialChain;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.registry.PushResult;
import dev.kaniko.core.registry.RegistryException;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.plugin.ConsoleCapture;
import dev.kaniko.testsupport.plugin.LoadedBundle;
import dev.kaniko.testsupport.plugin.RecordingLogger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, for every credential plugin: its bundle, loaded by the real plugin registry, gets a
 * token from a loopback token API and kaniko's pusher pushes with it to the harness registry,
 * which accepts only that token (htpasswd). The registry host names resolve to 127.0.0.1 through
 * the JVM hosts file set by failsafe. One thin subclass per plugin supplies its token API.
 */
public abstract class CredentialPluginPushContract {
  @TempDir protected Path work;
  private LoadedBundle<PluginRegistry> bundle;
  private final RecordingLogger logger = new RecordingLogger();
  private ConsoleCapture console;

  /** The subclass's static harness registry, accepting only {@link #token()}. */
  protected abstract RegistryExtension registry();

  /** The token the registry accepts. */
  protected abstract String token();

  /** The registry's host name (resolved to loopback), without the port. */
  protected abstract String hostName();

  /** The docker-credential-* helper name a config.json names for this registry. */
  protected abstract String configHelperName();

  /** Starts the loopback token API (files it needs go under {@code work}). */
  protected abstract void startApi(Path work) throws Exception;

  protected abstract void stopApi() throws Exception;

  /** The environment the plugin reads its credentials and endpoints from. */
  protected abstract Map<String, String> env();

  /** The API hands out these tokens, in order. */
  protected abstract void issue(String... tokens);

  /** The API hands out a token that expires 2 s after the 5-minute refresh margin, then {@code fresh}. */
  protected abstract void issueStaleThen(String fresh);

  /** A token the API may issue but the registry refuses. */
  protected abstract String revokedToken();

  /** How many token requests the API served. */
  protected abstract int tokenRequests();

  /** Checks what the API saw in its only token request (region, issuer, tenant...). */
  protected abstract void assertTheOnlyTokenRequest();

  /** The API refuses every request. */
  protected abstract void denyAll();

  /** What the one-line error says when the API refuses. */
  protected abstract String denialMessage();

  /** Secrets besides the token that must never be printed. */
  protected List<String> otherSecrets() {
    return List.of();
  }

  @BeforeEach
  void startContract() throws Exception {
    startApi(work);
    bundle = LoadedBundle.load(
        dir -> PluginRegistry.load(new PluginLoadOptions(List.of(dir), Set.of())));
    console = ConsoleCapture.start();
  }

  @AfterEach
  void stopContract() throws Exception {
    console.close();
    bundle.close();
    stopApi();
  }

  protected final String registryHost() {
    return hostName() + ":" + registry().port();
  }

  private CredentialChain chain(String configJson) throws Exception {
    return PluginPushes.chain(configJson, env(), work, bundle.registry(), logger);
  }

  private PushResult push(CredentialChain chain, String repoAndTag) throws Exception {
    return PluginPushes.push(chain, registryHost(), repoAndTag, work);
  }

  @Test
  void push_withoutConfigJsonEntry_usesTheTokenThePluginGot() throws Exception {
    issue(token());

    PushResult result = push(chain("{}"), "app:1");

    assertThat(result.digest()).startsWith("sha256:");
    assertTheOnlyTokenRequest();
    assertNoSecretLogged();
  }

  @Test
  void push_configJsonNamingTheHelperWithoutItsBinary_usesThePlugin() throws Exception {
    issue(token());

    PushResult result = push(chain("{\"credHelpers\":{\"" + registryHost() + "\":\""
        + configHelperName() + "\"}}"), "app:2");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(tokenRequests()).isEqualTo(1);
    assertNoSecretLogged();
  }

  @Test
  void push_afterTheTokenExpired_usesARefreshedToken() throws Exception {
    issueStaleThen(token());
    CredentialChain chain = chain("{}");
    assertThatThrownBy(() -> push(chain, "app:5")).isInstanceOf(RegistryException.class);

    Thread.sleep(3_000);
    PushResult result = push(chain, "app:5");

    assertThat(result.digest()).startsWith("sha256:");
    assertThat(tokenRequests()).isEqualTo(2);
    assertNoSecretLogged();
  }

  @Test
  void push_tokenTheRegistryDenies_failsWithOneUnauthorizedLine() throws Exception {
    String wrong = revokedToken();
    issue(wrong);

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
  void push_tokenApiDenial_failsWithOneLine() throws Exception {
    denyAll();

    assertThatThrownBy(() -> push(chain("{}"), "app:4"))
        .hasMessageNotContaining("\n")
        .hasMessageContaining(denialMessage());
  }

  private void assertNoSecretLogged() {
    for (String secret : concat(token(), otherSecrets())) {
      assertThat(console.text()).doesNotContain(secret);
      assertThat(logger.lines()).noneMatch(line -> line.contains(secret));
      assertThat(registry().log().text()).doesNotContain(secret);
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
  }
}
