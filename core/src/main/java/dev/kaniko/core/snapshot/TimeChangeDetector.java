package dev.kaniko.core.snapshot;

import java.nio.file.Path;

/** kaniko's {@code time} mode: the modification time only (type changes are caught by the walk). */
final class TimeChangeDetector implements ChangeDetector {

  @Override
  public void record(Node node, Path file) {}

  @Override
  public boolean update(Node node, FileStat now, Path file) {
    return now.mtimeNanos() != node.stat.mtimeNanos();
  }
}
