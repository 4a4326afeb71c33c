package dev.kaniko.plugins.context.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcsLocationTest {

  @Test
  void parse_splitsBucketAndObject() throws PluginException {
    GcsLocation location = GcsLocation.parse("gs://my-bucket/path/to/context.tar.gz");

    assertThat(location.bucket()).isEqualTo("my-bucket");
    assertThat(location.object()).isEqualTo("path/to/context.tar.gz");
  }

  @Test
  void parse_bareBucket_meansContextTarGz() throws PluginException {
    assertThat(GcsLocation.parse("gs://my-bucket")).isEqualTo(new GcsLocation("my-bucket", "context.tar.gz"));
    assertThat(GcsLocation.parse("gs://my-bucket/")).isEqualTo(new GcsLocation("my-bucket", "context.tar.gz"));
  }

  @Test
  void parse_rejectsMissingBucketInOneLine() {
    for (String uri : new String[] {"gs://", "gs:///obj.tar.gz", "s3://b/k"}) {
      PluginException e = catchThrowableOfType(PluginException.class, () -> GcsLocation.parse(uri));

      assertThat(e.reason()).as(uri).isEqualTo(Reason.INVALID_CONFIGURATION);
      assertThat(e.getMessage()).contains(uri).doesNotContain("\n");
    }
  }

  @Test
  void factory_supportsOnlyGsUris() {
    GcsContextSourceFactory factory = new GcsContextSourceFactory();

    assertThat(factory.supports("gs://bucket/ctx.tar.gz")).isTrue();
    assertThat(factory.supports("GS://bucket")).isTrue();
    assertThat(factory.supports("s3://bucket/ctx.tar.gz")).isFalse();
    assertThat(factory.supports("/workspace")).isFalse();
  }

  @Test
  void settings_readEmulatorHostAndCredentialsFile() throws PluginException {
    GcsSettings settings = GcsSettings.from(Map.of(
        "STORAGE_EMULATOR_HOST", "127.0.0.1:4443", "GOOGLE_APPLICATION_CREDENTIALS", "/keys/sa.json"));

    assertThat(settings.emulatorHost()).contains(URI.create("http://127.0.0.1:4443"));
    assertThat(settings.credentialsFile()).contains(Path.of("/keys/sa.json"));
    assertThat(GcsSettings.from(Map.of()).toString()).contains("endpoint=google").contains("application default");
  }
}
