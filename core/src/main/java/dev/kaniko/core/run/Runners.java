package dev.kaniko.core.run;

import dev.kaniko.core.rootfs.RootfsDecision;

/** The runner for a rootfs decision: chroot into the directory, or in place on {@code /}. */
public final class Runners {
  private Runners() {}

  public static Runner forDecision(RootfsDecision decision) {
    return switch (decision.mode()) {
      case CHROOT -> ChrootRunner.forHost(decision.root());
      case IN_PLACE -> InPlaceRunner.forHost();
    };
  }
}
