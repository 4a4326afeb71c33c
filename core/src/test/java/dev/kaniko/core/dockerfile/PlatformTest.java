package dev.kaniko.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Platform specifiers as FROM --platform and --custom-platform accept them. */
class PlatformTest {

  @Test
  void parse_fullSpecifiers() {
    assertThat(Platform.parse("linux/amd64")).isEqualTo(new Platform("linux", "amd64", ""));
    assertThat(Platform.parse("linux/arm/v7").toString()).isEqualTo("linux/arm/v7");
  }

  @Test
  void parse_normalizesAliases() {
    assertThat(Platform.parse("Linux/x86_64")).isEqualTo(new Platform("linux", "amd64", ""));
    assertThat(Platform.parse("linux/aarch64/v8")).isEqualTo(new Platform("linux", "arm64", ""));
    assertThat(Platform.parse("linux/arm")).isEqualTo(new Platform("linux", "arm", "v7"));
    assertThat(Platform.parse("linux/armel")).isEqualTo(new Platform("linux", "arm", "v6"));
    assertThat(Platform.parse("linux/i386")).isEqualTo(new Platform("linux", "386", ""));
  }

  @Test
  void parse_singleComponentIsAnOsOrAnArch() {
    assertThat(Platform.parse("arm64")).isEqualTo(new Platform("linux", "arm64", ""));
    assertThat(Platform.parse("linux").architecture())
        .isEqualTo(Platform.current().architecture());
  }

  @Test
  void parse_rejectsMalformedSpecifiers() {
    String[] bad = {"", "linux/", "/amd64", "a/b/c/d", "plan10/amd64", "linux/a b"};
    for (String spec : bad) {
      assertThatThrownBy(() -> Platform.parse(spec)).as(spec)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid platform");
    }
  }
}
