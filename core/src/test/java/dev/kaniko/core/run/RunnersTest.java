package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.rootfs.RootfsDecision;
import dev.kaniko.core.rootfs.RootfsMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunnersTest {
  @Test
  void forDecision_chroot_isChrootRunner() {
    assertThat(Runners.forDecision(new RootfsDecision(RootfsMode.CHROOT, Path.of("/tmp/r"), "test")))
        .isInstanceOf(ChrootRunner.class);
  }

  @Test
  void forDecision_inPlace_isInPlaceRunner() {
    assertThat(Runners.forDecision(new RootfsDecision(RootfsMode.IN_PLACE, Path.of("/"), "test")))
        .isInstanceOf(InPlaceRunner.class);
  }
}
