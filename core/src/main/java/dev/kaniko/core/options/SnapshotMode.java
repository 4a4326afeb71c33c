package dev.kaniko.core.options;

import java.util.Locale;

/** How the filesystem is snapshotted after each instruction (kaniko's {@code --snapshot-mode}). */
public enum SnapshotMode {
  FULL,
  REDO,
  TIME;

  /** Parses kaniko's lower-case spelling ({@code full}, {@code redo}, {@code time}). */
  public static SnapshotMode parse(String value) {
    for (SnapshotMode mode : values()) {
      if (mode.flagValue().equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "invalid snapshot mode '" + value + "' (expected full, redo or time)");
  }

  /** The spelling used on the command line. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
