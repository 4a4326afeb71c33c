package dev.kaniko.plugins.cred.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.plugins.CredentialPluginPushContract;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The credential-plugin push contract for cred-ecr: a loopback ECR API (SigV4-checked) issues the tokens. */
class EcrPushIT extends CredentialPluginPushContract {
  private static final String TOKEN = "ecr-token-" + UUID.randomUUID();

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithAuth("AWS", TOKEN);

  private FakeEcrApi api;

  @Override protected RegistryExtension registry() {
    return registry;
  }

  @Override protected String token() {
    return TOKEN;
  }

  @Override protected String hostName() {
    return "123456789012.dkr.ecr.us-east-1.amazonaws.com";
  }

  @Override protected String configHelperName() {
    return "ecr-login";
  }

  @Override protected void startApi(Path work) throws Exception {
    api = new FakeEcrApi("AKIAIOSFODNN7EXAMPLE");
  }

  @Override protected void stopApi() {
    api.close();
  }

  @Override protected Map<String, String> env() {
    return Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "secret-key-example", "AWS_ENDPOINT_URL_ECR", api.url(),
        "PATH", work.toString());
  }

  @Override protected void issue(String... tokens) {
    api.issue(tokens);
  }

  @Override protected void issueStaleThen(String fresh) {
    api.validFor(Duration.ofMinutes(5).plusSeconds(2)).issue("ecr-token-stale", fresh);
  }

  @Override protected String revokedToken() {
    return "ecr-token-revoked-" + UUID.randomUUID();
  }

  @Override protected int tokenRequests() {
    return api.requests().size();
  }

  @Override protected void assertTheOnlyTokenRequest() {
    assertThat(api.requests()).singleElement().extracting(FakeEcrApi.Request::region)
        .isEqualTo("us-east-1");
  }

  @Override protected void denyAll() {
    api.denyAll();
  }

  @Override protected String denialMessage() {
    return "AWS denied an ECR authorization token for " + registryHost();
  }
}
