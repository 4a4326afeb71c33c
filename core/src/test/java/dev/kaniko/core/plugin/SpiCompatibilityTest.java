package dev.kaniko.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpiCompatibilityTest {

  @Test
  void sameMajorAndNotNewer_isCompatible() {
    assertThat(SpiCompatibility.isCompatible("1.2.3", "1.2.3")).isTrue();
    assertThat(SpiCompatibility.isCompatible("1.2.3", "1.0.0")).isTrue();
    assertThat(SpiCompatibility.isCompatible("1.2.3", "1.2")).isTrue();
  }

  @Test
  void newerMinorOrPatchOrOtherMajor_isIncompatible() {
    assertThat(SpiCompatibility.isCompatible("1.2.3", "1.3.0")).isFalse();
    assertThat(SpiCompatibility.isCompatible("1.2.3", "1.2.4")).isFalse();
    assertThat(SpiCompatibility.isCompatible("1.2.3", "2.0.0")).isFalse();
    assertThat(SpiCompatibility.isCompatible("2.0.0", "1.9.9")).isFalse();
  }

  @Test
  void malformedVersion_isRejected() {
    assertThatThrownBy(() -> SpiCompatibility.isCompatible("1.0.0", "latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latest");
    assertThatThrownBy(() -> SpiCompatibility.isCompatible("1.0.0", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
