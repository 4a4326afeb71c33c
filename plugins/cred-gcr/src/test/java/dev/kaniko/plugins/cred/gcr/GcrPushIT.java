package dev.kaniko.plugins.cred.gcr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.plugins.CredentialPluginPushContract;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The credential-plugin push contract for cred-gcr: a loopback OAuth2 token endpoint issues access
 * tokens for a service-account JSON given as ADC; the registry accepts {@code oauth2accesstoken}.
 */
class GcrPushIT extends CredentialPluginPushContract {
  private static final String TOKEN = "ya29.e2e-" + UUID.randomUUID();

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithAuth("oauth2accesstoken", TOKEN);

  private FakeGoogleTokenEndpoint api;
  private Path key;

  @Override protected RegistryExtension registry() {
    return registry;
  }

  @Override protected String token() {
    return TOKEN;
  }

  @Override protected String hostName() {
    return "europe-docker.pkg.dev";
  }

  @Override protected String configHelperName() {
    return "gcloud";
  }

  @Override protected void startApi(Path work) throws Exception {
    api = new FakeGoogleTokenEndpoint();
    key = api.writeServiceAccount(work);
  }

  @Override protected void stopApi() {
    api.close();
  }

  @Override protected Map<String, String> env() {
    return Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString(), "PATH", work.toString());
  }

  @Override protected void issue(String... tokens) {
    api.issue(tokens);
  }

  @Override protected void issueStaleThen(String fresh) {
    api.expiresIn(302).issue("ya29.stale", fresh);
  }

  @Override protected String revokedToken() {
    return "ya29.revoked-" + UUID.randomUUID();
  }

  @Override protected int tokenRequests() {
    return api.grants().size();
  }

  @Override protected void assertTheOnlyTokenRequest() {
    assertThat(api.grants()).singleElement().extracting(FakeGoogleTokenEndpoint.Grant::issuer)
        .isEqualTo(FakeGoogleTokenEndpoint.CLIENT_EMAIL);
  }

  @Override protected void denyAll() {
    api.denyAll();
  }

  @Override protected String denialMessage() {
    return "Google denied an access token (invalid_grant";
  }
}
