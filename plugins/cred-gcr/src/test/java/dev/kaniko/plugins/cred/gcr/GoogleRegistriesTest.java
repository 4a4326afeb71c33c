package dev.kaniko.plugins.cred.gcr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoogleRegistriesTest {

  @Test
  void matches_containerRegistryAndArtifactRegistryHosts() {
    assertThat(GoogleRegistries.matches("gcr.io")).isTrue();
    assertThat(GoogleRegistries.matches("eu.gcr.io")).isTrue();
    assertThat(GoogleRegistries.matches("europe-docker.pkg.dev")).isTrue();
    assertThat(GoogleRegistries.matches("us-central1-docker.pkg.dev:443")).isTrue();
  }

  @Test
  void matches_otherHostsAreNotGoogle() {
    assertThat(GoogleRegistries.matches("docker.io")).isFalse();
    assertThat(GoogleRegistries.matches("gcr.io.evil.com")).isFalse();
    assertThat(GoogleRegistries.matches("notgcr.io")).isFalse();
    assertThat(GoogleRegistries.matches("europe-maven.pkg.dev")).isFalse();
  }
}
