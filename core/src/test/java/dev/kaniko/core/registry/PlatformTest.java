package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

  @Test
  void parse_readsOsArchAndVariant() {
    Platform platform = Platform.parse("linux/arm/v7");

    assertThat(platform.os()).isEqualTo("linux");
    assertThat(platform.architecture()).isEqualTo("arm");
    assertThat(platform.variant()).contains("v7");
    assertThat(platform).hasToString("linux/arm/v7");
  }

  @Test
  void parse_normalizesArchitectureAliasesAndArm64V8() {
    assertThat(Platform.parse("linux/x86_64")).isEqualTo(Platform.parse("linux/amd64"));
    assertThat(Platform.parse("linux/aarch64/v8")).isEqualTo(Platform.parse("linux/arm64")).hasToString("linux/arm64");
    assertThat(Platform.parse("Linux/ARM/7")).hasToString("linux/arm/v7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"linux", "linux/", "/amd64", "linux/arm/", "a/b/c/d", ""})
  void parse_rejectsMalformedPlatforms(String text) {
    assertThatThrownBy(() -> Platform.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid platform '" + text + "': expected os/arch[/variant], e.g. linux/arm64");
  }

  @Test
  void isSatisfiedBy_ignoresVariantOnlyWhenNoneIsRequested() {
    assertThat(Platform.parse("linux/arm").isSatisfiedBy(Platform.parse("linux/arm/v6"))).isTrue();
    assertThat(Platform.parse("linux/arm/v7").isSatisfiedBy(Platform.parse("linux/arm/v6"))).isFalse();
    assertThat(Platform.parse("linux/arm/v7").isSatisfiedBy(Platform.parse("linux/arm"))).isFalse();
    assertThat(Platform.parse("linux/amd64").isSatisfiedBy(Platform.parse("windows/amd64"))).isFalse();
  }

  @Test
  void host_isLinuxWithTheJvmsArchitecture() {
    Platform host = Platform.host();

    assertThat(host.os()).isEqualTo("linux");
    assertThat(host.architecture()).isEqualTo(Platform.normalizeArchitecture(System.getProperty("os.arch")));
  }
}
