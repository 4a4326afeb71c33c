package dev.kaniko.plugins.context.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import org.junit.jupiter.api.Test;

class S3LocationTest {

  @Test
  void parse_splitsBucketAndKey() throws PluginException {
    S3Location location = S3Location.parse("s3://my-bucket/path/to/context.tar.gz");

    assertThat(location.bucket()).isEqualTo("my-bucket");
    assertThat(location.key()).isEqualTo("path/to/context.tar.gz");
    assertThat(location).hasToString("s3://my-bucket/path/to/context.tar.gz");
  }

  @Test
  void parse_rejectsMissingKeyOrBucketInOneLine() {
    for (String uri : new String[] {"s3://bucket", "s3://bucket/", "s3:///key.tar.gz", "gs://b/k"}) {
      PluginException e = catchThrowableOfType(PluginException.class, () -> S3Location.parse(uri));

      assertThat(e.reason()).as(uri).isEqualTo(Reason.INVALID_CONFIGURATION);
      assertThat(e.getMessage()).contains(uri).contains("s3://BUCKET/KEY").doesNotContain("\n");
    }
  }

  @Test
  void tarballName_followsTheKeysCompression() {
    assertThat(TarballNames.forKey("a/context.tar.gz")).isEqualTo("context.tar.gz");
    assertThat(TarballNames.forKey("a/context.TGZ")).isEqualTo("context.tar.gz");
    assertThat(TarballNames.forKey("a/context.tar")).isEqualTo("context.tar");
  }

  @Test
  void factory_supportsOnlyS3Uris() {
    S3ContextSourceFactory factory = new S3ContextSourceFactory();

    assertThat(factory.supports("s3://bucket/key.tar.gz")).isTrue();
    assertThat(factory.supports("S3://bucket/key.tar.gz")).isTrue();
    assertThat(factory.supports("gs://bucket/key.tar.gz")).isFalse();
    assertThat(factory.supports("https://bucket.s3.amazonaws.com/key.tar.gz")).isFalse();
    assertThat(factory.supports("/workspace")).isFalse();
    assertThat(factory.name()).isEqualTo("s3");
  }
}
