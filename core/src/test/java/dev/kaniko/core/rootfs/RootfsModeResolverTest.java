package dev.kaniko.core.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsModeResolverTest {
  @TempDir Path fsRoot;
  private final Path defaultDir = Path.of("/var/tmp/kaniko-default-rootfs");

  @Test
  void decide_rootfsFlagOutsideContainer_isChrootIntoIt() throws Exception {
    RootfsDecision decision = outside().decide(Optional.of(Path.of("/build/root/")), false);

    assertThat(decision.mode()).isEqualTo(RootfsMode.CHROOT);
    assertThat(decision.root()).isEqualTo(Path.of("/build/root"));
  }

  @Test
  void decide_rootfsFlagInsideContainer_isStillChroot() throws Exception {
    RootfsDecision decision = inside().decide(Optional.of(Path.of("/build/root")), false);

    assertThat(decision.mode()).isEqualTo(RootfsMode.CHROOT);
    assertThat(decision.root()).isEqualTo(Path.of("/build/root"));
  }

  @Test
  void decide_noFlagInsideContainer_isInPlace() throws Exception {
    RootfsDecision decision = inside().decide(Optional.empty(), false);

    assertThat(decision.mode()).isEqualTo(RootfsMode.IN_PLACE);
    assertThat(decision.root()).isEqualTo(Path.of("/"));
    assertThat(decision.reason()).contains("/.dockerenv");
  }

  @Test
  void decide_noFlagOutsideContainer_isChrootIntoDefaultDir() throws Exception {
    RootfsDecision decision = outside().decide(Optional.empty(), false);

    assertThat(decision.mode()).isEqualTo(RootfsMode.CHROOT);
    assertThat(decision.root()).isEqualTo(defaultDir);
  }

  @Test
  void decide_forceOutsideContainer_isInPlace() throws Exception {
    RootfsDecision decision = outside().decide(Optional.empty(), true);

    assertThat(decision.mode()).isEqualTo(RootfsMode.IN_PLACE);
    assertThat(decision.root()).isEqualTo(Path.of("/"));
  }

  @Test
  void decide_rootfsSlashOutsideContainerWithoutForce_failsWithOneLine() {
    assertThatThrownBy(() -> outside().decide(Optional.of(Path.of("/")), false))
        .isInstanceOf(RootfsModeException.class)
        .hasMessageContaining("--force")
        .hasMessageNotContaining("\n");
  }

  @Test
  void decide_rootfsSlashOutsideContainerWithForce_isInPlace() throws Exception {
    assertThat(outside().decide(Optional.of(Path.of("/")), true).mode()).isEqualTo(RootfsMode.IN_PLACE);
  }

  @Test
  void decide_rootfsSlashInsideContainer_isInPlace() throws Exception {
    assertThat(inside().decide(Optional.of(Path.of("/")), false).mode()).isEqualTo(RootfsMode.IN_PLACE);
  }

  @Test
  void decide_noFlagInsideAnotherContainer_isChrootNotInPlace() throws Exception {
    RootfsDecision decision = inside().decide(Optional.empty(), false, false);

    assertThat(decision.mode()).isEqualTo(RootfsMode.CHROOT);
    assertThat(decision.root()).isEqualTo(defaultDir);
    assertThat(decision.reason()).contains("not the executor image");
  }

  @Test
  void decide_noFlagInsideTheExecutorImage_isInPlace() throws Exception {
    assertThat(inside().decide(Optional.empty(), false, true).mode()).isEqualTo(RootfsMode.IN_PLACE);
  }

  @Test
  void decide_rootfsSlashOrForceInsideAnotherContainer_isInPlace() throws Exception {
    RootfsModeResolver inside = inside();

    assertThat(inside.decide(Optional.of(Path.of("/")), false, false).mode())
        .isEqualTo(RootfsMode.IN_PLACE);
    assertThat(inside.decide(Optional.empty(), true, false).mode()).isEqualTo(RootfsMode.IN_PLACE);
  }

  private RootfsModeResolver outside() {
    return new RootfsModeResolver(new ContainerDetector(Map.of(), fsRoot), () -> defaultDir);
  }

  private RootfsModeResolver inside() throws IOException {
    Files.createFile(fsRoot.resolve(".dockerenv"));
    return new RootfsModeResolver(new ContainerDetector(Map.of(), fsRoot), () -> defaultDir);
  }
}
