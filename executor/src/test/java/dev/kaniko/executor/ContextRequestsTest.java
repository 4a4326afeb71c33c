package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.ContextRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The context request made from the flags: --context, --bucket, --context-sub-path, --git. */
class ContextRequestsTest {
  @Test
  void gitFlag_becomesGitOptionsOfTheRequest() {
    ContextRequest request = ContextRequests.of(CliHarness.parse("--context",
        "git://example.com/repo.git", "--git", "branch=dev,single-branch=true"));

    assertThat(request.uri()).isEqualTo("git://example.com/repo.git");
    assertThat(request.options())
        .isEqualTo(Map.of("git.branch", "dev", "git.single-branch", "true"));
  }

  @Test
  void bucket_isKanikosContextTarballInGcsAndWinsOverContext() {
    ContextRequest request = ContextRequests.of(CliHarness.parse("--context", "/workspace",
        "--bucket", "my-bucket", "--context-sub-path", "app"));

    assertThat(request.uri()).isEqualTo("gs://my-bucket/context.tar.gz");
    assertThat(request.subPath()).isEqualTo("app");
  }

  @Test
  void bucketWithObjectOrScheme_isUsedAsGiven() {
    assertThat(ContextRequests.bucketUri("b/ctx/build.tar.gz")).isEqualTo("gs://b/ctx/build.tar.gz");
    assertThat(ContextRequests.bucketUri("b/")).isEqualTo("gs://b/context.tar.gz");
    assertThat(ContextRequests.bucketUri("s3://b/c.tar.gz")).isEqualTo("s3://b/c.tar.gz");
  }

  @Test
  void gitAndBucketFlags_areNoLongerGated() {
    CliHarness.Result result = CliHarness.executor("--context", "git://example.com/r.git",
        "--git", "branch=main", "--bucket", "b");

    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void gitFlagWithANonBooleanValue_isAUsageError() {
    CliHarness.Result result = CliHarness.executor("--git", "single-branch=maybe");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.lastErrLine()).isEqualTo(
        "error: --git: invalid --git option \"single-branch=maybe\": expected true or false");
  }
}
