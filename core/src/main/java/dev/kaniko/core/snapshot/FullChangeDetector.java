package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * kaniko's {@code full} mode: a path changed when its mode, uid, gid, mtime, content (regular files)
 * or target (symlinks) changed. A file whose complete status (including ctime and inode) is unchanged
 * is never read again.
 */
final class FullChangeDetector implements ChangeDetector {

  private final ContentHasher hasher;

  FullChangeDetector(ContentHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public void record(Node node, Path file) throws IOException {
    node.detail = detailOf(node.stat, file);
  }

  @Override
  public boolean update(Node node, FileStat now, Path file) throws IOException {
    FileStat before = node.stat;
    if (now.equals(before)) {
      return false;
    }
    boolean metadataChanged = !now.sameModeOwnerMtime(before);
    if (now.isRegularFile() || now.isSymbolicLink()) {
      Object detail = detailOf(now, file);
      boolean contentChanged = !sameDetail(node.detail, detail);
      node.detail = detail;
      return metadataChanged || contentChanged;
    }
    return metadataChanged || now.rdev() != before.rdev();
  }

  private Object detailOf(FileStat stat, Path file) throws IOException {
    if (stat.isRegularFile()) {
      return hasher.hash(file);
    }
    if (stat.isSymbolicLink()) {
      return Files.readSymbolicLink(file).toString();
    }
    return null;
  }

  private static boolean sameDetail(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a != null && a.equals(b);
  }
}
