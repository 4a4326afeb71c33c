package dev.kaniko.plugins.cred.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.RegistryCredential;
import dev.kaniko.testsupport.MutableClock;
import dev.kaniko.testsupport.plugin.RecordingLogger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The helper with the real AWS SDK against a loopback ECR token API (no real AWS is reachable here). */
class EcrCredentialHelperTest {

  private static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private FakeEcrApi api;
  private final MutableClock clock = new MutableClock();
  private final RecordingLogger logger = new RecordingLogger();

  @BeforeEach
  void start() throws Exception {
    api = new FakeEcrApi("AKIAIOSFODNN7EXAMPLE");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private EcrCredentialHelper helper(String accessKeyId) {
    Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
        "AWS_ENDPOINT_URL_ECR", api.url(), "AWS_ENDPOINT_URL_ECR_PUBLIC", api.url());
    return new EcrCredentialHelper(new SdkEcrTokenService(env), clock, logger);
  }

  private EcrCredentialHelper helper() {
    return helper("AKIAIOSFODNN7EXAMPLE");
  }

  @Test
  void retrieve_ecrRegistry_returnsTheAwsUserAndTheIssuedPassword() throws Exception {
    api.issue("password-1");

    assertThat(helper().retrieve(REGISTRY)).contains(new RegistryCredential("AWS", "password-1"));
    assertThat(api.requests()).singleElement().satisfies(request -> {
      assertThat(request.target()).isEqualTo("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");
      assertThat(request.region()).isEqualTo("us-east-1");
      assertThat(request.service()).isEqualTo("ecr");
      assertThat(request.body()).contains("\"registryIds\":[\"123456789012\"]");
    });
  }

  @Test
  void retrieve_twiceBeforeExpiry_callsTheApiOnce() throws Exception {
    api.issue("password-1", "password-2");
    EcrCredentialHelper helper = helper();

    helper.retrieve(REGISTRY);
    clock.advance(Duration.ofHours(11));

    assertThat(helper.retrieve(REGISTRY)).contains(new RegistryCredential("AWS", "password-1"));
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void retrieve_expiredToken_isRefreshed() throws Exception {
    api.issue("password-1", "password-2");
    EcrCredentialHelper helper = helper();

    helper.retrieve(REGISTRY);
    clock.advance(Duration.ofHours(12));

    assertThat(helper.retrieve(REGISTRY)).contains(new RegistryCredential("AWS", "password-2"));
    assertThat(api.requests()).hasSize(2);
  }

  @Test
  void retrieve_ecrPublic_usesTheEcrPublicApiInUsEast1() throws Exception {
    api.issue("public-password");

    assertThat(helper().retrieve("public.ecr.aws")).contains(new RegistryCredential("AWS", "public-password"));
    assertThat(api.requests()).singleElement().satisfies(request -> {
      assertThat(request.target()).isEqualTo("SpencerFrontendService.GetAuthorizationToken");
      assertThat(request.region()).isEqualTo("us-east-1");
      assertThat(request.service()).isEqualTo("ecr-public");
    });
  }

  @Test
  void retrieve_otherRegistry_isEmptyWithoutCallingAws() throws Exception {
    assertThat(helper().retrieve("ghcr.io")).isEmpty();
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void retrieve_deniedByAws_failsWithOneUnauthorizedLine() {
    api.denyAll();

    assertThatThrownBy(() -> helper().retrieve(REGISTRY))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAUTHORIZED))
        .hasMessageStartingWith("AWS denied an ECR authorization token for " + REGISTRY + " (AccessDeniedException:")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining(SECRET_KEY);
  }

  @Test
  void retrieve_unknownAccessKey_failsUnauthorized() {
    assertThatThrownBy(() -> helper("AKIAUNKNOWNKEY000000").retrieve(REGISTRY))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAUTHORIZED))
        .hasMessageContaining("UnrecognizedClientException")
        .hasMessageNotContaining("\n");
  }

  @Test
  void retrieve_unreachableEndpoint_failsUnavailableInOneLine() {
    api.close();

    assertThatThrownBy(() -> helper().retrieve(REGISTRY))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAVAILABLE))
        .hasMessageStartingWith("cannot get an ECR authorization token for " + REGISTRY)
        .hasMessageNotContaining("\n");
  }

  @Test
  void logsAndToString_neverShowTheToken() throws Exception {
    api.issue("password-1", "password-2");
    EcrCredentialHelper helper = helper();
    RegistryCredential credential = helper.retrieve(REGISTRY).orElseThrow();
    clock.advance(Duration.ofHours(12));
    helper.retrieve(REGISTRY);

    assertThat(logger.lines()).isNotEmpty().noneMatch(line -> line.contains("password-"));
    assertThat(credential.toString()).doesNotContain("password-1");
    assertThat(new EcrToken("AWS", "password-1", clock.instant()).toString()).doesNotContain("password-1");
    assertThat(helper.toString()).doesNotContain("password-");
  }
}
