package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPlatformTest {

  @Test
  void ociArchitecture_mapsJavaNames() {
    assertThat(HostPlatform.ociArchitecture("amd64")).isEqualTo("amd64");
    assertThat(HostPlatform.ociArchitecture("x86_64")).isEqualTo("amd64");
    assertThat(HostPlatform.ociArchitecture("aarch64")).isEqualTo("arm64");
  }

  @Test
  void ociArchitecture_unknown_failsNamingIt() {
    assertThatThrownBy(() -> HostPlatform.ociArchitecture("vax")).hasMessageContaining("vax");
  }

  @Test
  void otherArchitecture_differsFromTheHost() {
    assertThat(HostPlatform.otherArchitecture()).isNotEqualTo(HostPlatform.architecture()).isIn("amd64", "arm64");
    assertThat(HostPlatform.platform()).isEqualTo("linux/" + HostPlatform.architecture());
  }
}
