package dev.kaniko.plugins.context.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  @Test
  void from_readsEndpointPathStyleRegionAndKeys() throws PluginException {
    S3Settings settings = S3Settings.from(Map.of(
        "S3_ENDPOINT", "http://127.0.0.1:9000",
        "S3_FORCE_PATH_STYLE", "true",
        "AWS_DEFAULT_REGION", "eu-west-1",
        "AWS_ACCESS_KEY_ID", "AKIA1",
        "AWS_SECRET_ACCESS_KEY", "topsecret"));

    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(settings.forcePathStyle()).isTrue();
    assertThat(settings.region()).contains("eu-west-1");
    assertThat(settings.accessKeyId()).contains("AKIA1");
    assertThat(settings.secretAccessKey()).contains("topsecret");
  }

  @Test
  void from_emptyEnvironment_usesAwsAndTheDefaultChains() throws PluginException {
    S3Settings settings = S3Settings.from(Map.of());

    assertThat(settings.endpoint()).isEmpty();
    assertThat(settings.forcePathStyle()).isFalse();
    assertThat(settings.region()).isEmpty();
    assertThat(settings.accessKeyId()).isEmpty();
    assertThat(settings).hasToString(
        "S3Settings[endpoint=aws, forcePathStyle=false, region=(chain), credentials=default chain]");
  }

  @Test
  void from_awsRegionWinsOverDefaultRegion_andBareEndpointGetsHttps() throws PluginException {
    S3Settings settings = S3Settings.from(Map.of(
        "AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "eu-west-1", "S3_ENDPOINT", "minio.local:9000"));

    assertThat(settings.region()).contains("us-west-2");
    assertThat(settings.endpoint()).contains(URI.create("https://minio.local:9000"));
  }

  @Test
  void toString_neverShowsTheSecrets() throws PluginException {
    S3Settings settings = S3Settings.from(Map.of(
        "AWS_ACCESS_KEY_ID", "AKIA1", "AWS_SECRET_ACCESS_KEY", "topsecret", "AWS_SESSION_TOKEN", "tokentoken"));

    assertThat(settings.toString()).doesNotContain("topsecret").doesNotContain("tokentoken")
        .contains("credentials=environment");
  }

  @Test
  void from_rejectsBadFlagEndpointAndHalfCredentials() {
    assertInvalid(Map.of("S3_FORCE_PATH_STYLE", "maybe"), "S3_FORCE_PATH_STYLE");
    assertInvalid(Map.of("S3_ENDPOINT", "ftp://host"), "S3_ENDPOINT");
    assertInvalid(Map.of("AWS_ACCESS_KEY_ID", "AKIA1"), "AWS_SECRET_ACCESS_KEY");
  }

  private static void assertInvalid(Map<String, String> env, String named) {
    PluginException e = catchThrowableOfType(PluginException.class, () -> S3Settings.from(env));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_CONFIGURATION);
    assertThat(e.getMessage()).contains(named).doesNotContain("\n");
  }
}
