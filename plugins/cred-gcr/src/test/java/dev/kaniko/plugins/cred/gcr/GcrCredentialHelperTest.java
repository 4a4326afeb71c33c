package dev.kaniko.plugins.cred.gcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.RegistryCredential;
import dev.kaniko.testsupport.MutableClock;
import dev.kaniko.testsupport.plugin.RecordingLogger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper with the real Google auth library against a loopback OAuth2 token endpoint (no real Google here). */
class GcrCredentialHelperTest {

  @TempDir Path dir;
  private FakeGoogleTokenEndpoint endpoint;
  private final MutableClock clock = new MutableClock();
  private final RecordingLogger logger = new RecordingLogger();

  @BeforeEach
  void start() throws Exception {
    endpoint = new FakeGoogleTokenEndpoint();
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private GcrCredentialHelper helper() throws Exception {
    Path key = endpoint.writeServiceAccount(dir);
    return new GcrCredentialHelper(new AdcTokenService(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString())),
        clock, logger);
  }

  @Test
  void retrieve_artifactRegistry_returnsOauth2AccessTokenUserAndTheIssuedToken() throws Exception {
    endpoint.issue("ya29.token-1");

    assertThat(helper().retrieve("europe-docker.pkg.dev"))
        .contains(new RegistryCredential("oauth2accesstoken", "ya29.token-1"));
    assertThat(endpoint.grants()).singleElement().satisfies(grant -> {
      assertThat(grant.issuer()).isEqualTo(FakeGoogleTokenEndpoint.CLIENT_EMAIL);
      assertThat(grant.scope()).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
    });
  }

  @Test
  void retrieve_googleRegistriesShareOneTokenUntilItExpires() throws Exception {
    endpoint.issue("ya29.token-1", "ya29.token-2");
    GcrCredentialHelper helper = helper();

    helper.retrieve("gcr.io");
    clock.advance(Duration.ofMinutes(50));

    assertThat(helper.retrieve("eu.gcr.io")).contains(new RegistryCredential("oauth2accesstoken", "ya29.token-1"));
    assertThat(endpoint.grants()).hasSize(1);
  }

  @Test
  void retrieve_expiredToken_isRefreshed() throws Exception {
    endpoint.issue("ya29.token-1", "ya29.token-2");
    GcrCredentialHelper helper = helper();

    helper.retrieve("gcr.io");
    clock.advance(Duration.ofMinutes(56));

    assertThat(helper.retrieve("gcr.io")).contains(new RegistryCredential("oauth2accesstoken", "ya29.token-2"));
    assertThat(endpoint.grants()).hasSize(2);
  }

  @Test
  void retrieve_otherRegistry_isEmptyWithoutAToken() throws Exception {
    assertThat(helper().retrieve("quay.io")).isEmpty();
    assertThat(endpoint.grants()).isEmpty();
  }

  @Test
  void retrieve_denied_failsWithOneUnauthorizedLine() throws Exception {
    endpoint.denyAll();
    GcrCredentialHelper helper = helper();

    assertThatThrownBy(() -> helper.retrieve("gcr.io"))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAUTHORIZED))
        .hasMessage("Google denied an access token (invalid_grant: Invalid JWT Signature.); check the Application"
            + " Default Credentials");
  }

  @Test
  void retrieve_missingCredentialsFile_failsNamingIt() {
    GcrCredentialHelper helper = new GcrCredentialHelper(
        new AdcTokenService(Map.of("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("nope.json").toString())), clock, logger);

    assertThatThrownBy(() -> helper.retrieve("gcr.io"))
        .isInstanceOf(PluginException.class)
        .hasMessage("GOOGLE_APPLICATION_CREDENTIALS names a missing file: " + dir.resolve("nope.json"));
  }

  @Test
  void retrieve_unreachableEndpoint_failsUnavailableInOneLine() throws Exception {
    GcrCredentialHelper helper = helper();
    endpoint.close();

    assertThatThrownBy(() -> helper.retrieve("gcr.io"))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAVAILABLE))
        .hasMessageNotContaining("\n");
  }

  @Test
  void logsAndToString_neverShowTheToken() throws Exception {
    endpoint.issue("ya29.token-1", "ya29.token-2");
    GcrCredentialHelper helper = helper();
    helper.retrieve("gcr.io");
    clock.advance(Duration.ofHours(1));
    helper.retrieve("gcr.io");

    assertThat(logger.lines()).hasSize(2).noneMatch(line -> line.contains("ya29."));
    assertThat(new GoogleToken("ya29.token-1", clock.instant()).toString()).doesNotContain("ya29.");
    assertThat(helper.toString()).doesNotContain("ya29.");
  }
}
