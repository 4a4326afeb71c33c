package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WORKDIR cleaning, COPY destinations relative to WORKDIR, --destination naming. */
class PathRulesTest {
  @Test
  void workdir_clean() {
    assertThat(WorkdirStep.clean("//a/./b/../c/")).isEqualTo("/a/c");
    assertThat(WorkdirStep.clean("/../..")).isEqualTo("/");
  }

  @Test
  void copyDestination_relativeToWorkdirKeepsTrailingSlash() {
    assertThat(CopyStep.destination("x", "/app")).isEqualTo("/app/x");
    assertThat(CopyStep.destination("x/", "/app/")).isEqualTo("/app/x/");
    assertThat(CopyStep.destination(".", "/app")).isEqualTo("/app/");
    assertThat(CopyStep.destination("/abs", "/app")).isEqualTo("/abs");
  }

  @Test
  void destination_namesLikeGoContainerRegistry() {
    assertThat(Destination.parse("app")).isEqualTo(
        new Destination("index.docker.io/library/app", "latest"));
    assertThat(Destination.parse("docker.io/me/app:2")).isEqualTo(
        new Destination("index.docker.io/me/app", "2"));
    assertThat(Destination.parse("localhost:5000/app")).isEqualTo(
        new Destination("localhost:5000/app", "latest"));
    assertThat(Destination.parse("gcr.io/p/app:v1").withTagAndDigest("sha256:ab"))
        .isEqualTo("gcr.io/p/app:v1@sha256:ab");
  }
}
