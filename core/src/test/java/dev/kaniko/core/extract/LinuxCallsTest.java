package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinuxCallsTest {
  @Test
  void makedev_matchesGlibcEncoding() {
    assertThat(LinuxCalls.makedev(1, 3)).isEqualTo(0x103L);
    assertThat(LinuxCalls.makedev(8, 17)).isEqualTo(0x811L);
    // major 0x12c: low 12 bits at 8..19; minor 0x11170: low 8 bits at 0..7, the rest at 20..
    assertThat(LinuxCalls.makedev(0x12c, 0x11170)).isEqualTo(0x1111_2c70L);
    // major bits above 12 go to 44..
    assertThat(LinuxCalls.makedev(0x1000, 0)).isEqualTo(1L << 44);
  }
}
