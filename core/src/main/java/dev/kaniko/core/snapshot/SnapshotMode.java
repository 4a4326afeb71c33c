package dev.kaniko.core.snapshot;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a snapshot compares; the names are kaniko's {@code --snapshot-mode} values plus {@code new-run}. */
public enum SnapshotMode {
  /** Content, mode, owner, mtime and symlink target; unchanged full status skips the content. */
  FULL("full"),
  /** Mode, size, mtime, uid and gid; content never read. */
  REDO("redo"),
  /** Modification time only. */
  TIME("time"),
  /** {@code --use-new-run}: mtime or ctime not older than a marker taken after the last snapshot. */
  NEW_RUN("new-run");

  private final String providerName;

  SnapshotMode(String providerName) {
    this.providerName = providerName;
  }

  /** The provider name, e.g. {@code full}. */
  public String providerName() {
    return providerName;
  }

  /**
   * The mode with a provider name.
   *
   * @throws IllegalArgumentException naming the valid modes when there is none
   */
  public static SnapshotMode ofName(String name) {
    return Arrays.stream(values())
        .filter(m -> m.providerName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown snapshot mode '" + name + "', expected one of "
            + Arrays.stream(values()).map(SnapshotMode::providerName).collect(Collectors.joining(", "))));
  }
}
