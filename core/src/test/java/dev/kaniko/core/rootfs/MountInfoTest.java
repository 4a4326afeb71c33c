package dev.kaniko.core.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountInfoTest {
  @Test
  void mountPoints_readsFieldFive_andDecodesOctalEscapes(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("mountinfo"), """
        22 27 0:21 / /proc rw,relatime - proc proc rw
        27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
        40 27 0:40 / /mnt/with\\040space rw - tmpfs tmpfs rw
        41 27 0:41 / /mnt/back\\134slash rw - tmpfs tmpfs rw
        """);

    assertThat(MountInfo.mountPoints(file)).containsExactly("/proc", "/", "/mnt/with space", "/mnt/back\\slash");
  }

  @Test
  void mountPoints_ofThisProcess_includeRootAndProc() {
    assertThat(MountInfo.mountPoints()).contains("/", "/proc");
  }

  @Test
  void unescape_keepsLoneBackslash() {
    assertThat(MountInfo.parse(List.of("1 2 3 / /a\\b rw"))).containsExactly("/a\\b");
  }
}
