package dev.kaniko.plugins.cred.acr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcrRegistriesTest {

  @Test
  void matches_azureContainerRegistries() {
    assertThat(AcrRegistries.matches("kanikotest.azurecr.io")).isTrue();
    assertThat(AcrRegistries.matches("Contoso.azurecr.cn")).isTrue();
    assertThat(AcrRegistries.matches("kanikotest.azurecr.io:443")).isTrue();
  }

  @Test
  void matches_otherHostsAreNotAcr() {
    assertThat(AcrRegistries.matches("azurecr.io")).isFalse();
    assertThat(AcrRegistries.matches("kanikotest.azurecr.io.evil.com")).isFalse();
    assertThat(AcrRegistries.matches("mcr.microsoft.com")).isFalse();
  }
}
