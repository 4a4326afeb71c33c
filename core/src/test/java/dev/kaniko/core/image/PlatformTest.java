package dev.kaniko.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Platforms as image indexes and --custom-platform spell them ({@code parse}) and as FROM --platform
 * accepts them ({@code parseSpecifier}, containerd's rules).
 */
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

  // FROM --platform specifiers (containerd rules)
  @Test
  void parseSpecifier_fullSpecifiers() {
    assertThat(Platform.parseSpecifier("linux/amd64")).isEqualTo(new Platform("linux", "amd64", ""));
    assertThat(Platform.parseSpecifier("linux/arm/v7").toString()).isEqualTo("linux/arm/v7");
  }

  @Test
  void parseSpecifier_normalizesAliases() {
    assertThat(Platform.parseSpecifier("Linux/x86_64")).isEqualTo(new Platform("linux", "amd64", ""));
    assertThat(Platform.parseSpecifier("linux/aarch64/v8")).isEqualTo(new Platform("linux", "arm64", ""));
    assertThat(Platform.parseSpecifier("linux/arm")).isEqualTo(new Platform("linux", "arm", "v7"));
    assertThat(Platform.parseSpecifier("linux/armel")).isEqualTo(new Platform("linux", "arm", "v6"));
    assertThat(Platform.parseSpecifier("linux/i386")).isEqualTo(new Platform("linux", "386", ""));
  }

  @Test
  void parseSpecifier_singleComponentIsAnOsOrAnArch() {
    assertThat(Platform.parseSpecifier("arm64")).isEqualTo(new Platform("linux", "arm64", ""));
    assertThat(Platform.parseSpecifier("linux").architecture())
        .isEqualTo(Platform.host().architecture());
  }

  @Test
  void parseSpecifier_rejectsMalformedSpecifiers() {
    String[] bad = {"", "linux/", "/amd64", "a/b/c/d", "plan10/amd64", "linux/a b"};
    for (String spec : bad) {
      assertThatThrownBy(() -> Platform.parseSpecifier(spec)).as(spec)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid platform");
    }
  }
}
