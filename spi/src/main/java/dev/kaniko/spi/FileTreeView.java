package dev.kaniko.spi;

import java.nio.file.Path;

/** A read-only view of a stage's root filesystem, as handed to a {@link SnapshotStrategy}. */
public interface FileTreeView {

  /** The directory that is {@code /} of the image being built. */
  Path root();

  /**
   * Whether a path is outside the snapshot (e.g. {@code /proc}, {@code /kaniko}, {@code --ignore-path}).
   *
   * @param imagePath absolute path inside the image, {@code /}-separated
   * @return true when changes under it must not be reported
   */
  boolean isIgnored(String imagePath);
}
