package dev.kaniko.core.snapshot;

import java.nio.file.Path;

/** kaniko's {@code redo} mode: mode, size, mtime, uid and gid; content is never read. */
final class RedoChangeDetector implements ChangeDetector {

  @Override
  public void record(Node node, Path file) {}

  @Override
  public boolean update(Node node, FileStat now, Path file) {
    FileStat before = node.stat;
    return !now.sameModeOwnerMtime(before) || now.size() != before.size();
  }
}
