package dev.kaniko.core.rootfs;

import java.nio.file.Path;
import java.util.Objects;

/** The chosen rootfs mode, its root directory and why it was chosen (for the log). */
public record RootfsDecision(RootfsMode mode, Path root, String reason) {
  public RootfsDecision {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(reason, "reason");
  }
}
