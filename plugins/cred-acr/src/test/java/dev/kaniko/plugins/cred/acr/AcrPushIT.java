package dev.kaniko.plugins.cred.acr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.plugins.CredentialPluginPushContract;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The credential-plugin push contract for cred-acr: a loopback Azure AD endpoint issues a token the
 * loopback ACR exchange endpoint turns into a refresh token, which the registry accepts for the
 * all-zero user name.
 */
class AcrPushIT extends CredentialPluginPushContract {
  private static final String CLIENT_SECRET = "client-secret-" + UUID.randomUUID();
  private static final String TOKEN = FakeAzure.refreshToken(Instant.now().plus(Duration.ofHours(3)));

  @RegisterExtension
  static RegistryExtension registry =
      RegistryExtension.tlsWithAuth("00000000-0000-0000-0000-000000000000", TOKEN);

  private FakeAzure api;

  @Override protected RegistryExtension registry() {
    return registry;
  }

  @Override protected String token() {
    return TOKEN;
  }

  @Override protected String hostName() {
    return "kanikotest.azurecr.io";
  }

  @Override protected String configHelperName() {
    return "acr-env";
  }

  @Override protected void startApi(Path work) throws Exception {
    api = new FakeAzure(CLIENT_SECRET);
  }

  @Override protected void stopApi() {
    api.close();
  }

  @Override protected Map<String, String> env() {
    return Map.of("AZURE_CLIENT_ID", FakeAzure.CLIENT_ID, "AZURE_TENANT_ID", FakeAzure.TENANT,
        "AZURE_CLIENT_SECRET", CLIENT_SECRET, "AZURE_AUTHORITY_HOST", api.url(),
        "KANIKO_ACR_EXCHANGE_URL", api.url(), "PATH", work.toString());
  }

  @Override protected List<String> otherSecrets() {
    return List.of(CLIENT_SECRET);
  }

  @Override protected void issue(String... tokens) {
    api.issue(tokens);
  }

  @Override protected void issueStaleThen(String fresh) {
    api.issue(FakeAzure.refreshToken(Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(2)),
        fresh);
  }

  @Override protected String revokedToken() {
    return FakeAzure.refreshToken(Instant.now().plus(Duration.ofHours(2)));
  }

  @Override protected int tokenRequests() {
    return api.exchanges().size();
  }

  @Override protected void assertTheOnlyTokenRequest() {
    assertThat(api.exchanges())
        .containsExactly(new FakeAzure.Exchange("kanikotest.azurecr.io", FakeAzure.TENANT));
  }

  @Override protected void denyAll() {
    api.denyExchange();
  }

  @Override protected String denialMessage() {
    return "ACR " + registryHost() + " refused to exchange the Azure AD token";
  }
}
