package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * kaniko's {@code full} mode: a path changed when its mode, uid, gid, mtime, content (regular files)
 * or target (symlinks) changed. A file whose complete status (including ctime and inode) is unchanged
 * is never read again, and the names of one hard-linked inode are read once (a busybox rootfs is
 * hundreds of names of one 2 MB file).
 */
final class FullChangeDetector implements ChangeDetector {

  /** One inode's digest and the status it was read with (ctime changes with any write to it). */
  private record InodeDigest(long size, long mtimeNanos, long ctimeNanos, byte[] digest) {
    boolean matches(FileStat stat) {
      return size == stat.size() && mtimeNanos == stat.mtimeNanos()
          && ctimeNanos == stat.ctimeNanos();
    }
  }

  private record InodeKey(long device, long inode) {}

  private final ContentHasher hasher;
  private final Map<InodeKey, InodeDigest> hardLinked = new ConcurrentHashMap<>();

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
      return stat.nlink() > 1 ? hardLinkedDigest(stat, file) : hasher.hash(file);
    }
    if (stat.isSymbolicLink()) {
      return Files.readSymbolicLink(file).toString();
    }
    return null;
  }

  /** The digest of a file with several names, read once per inode and status. */
  private byte[] hardLinkedDigest(FileStat stat, Path file) throws IOException {
    InodeKey key = new InodeKey(stat.device(), stat.inode());
    InodeDigest known = hardLinked.get(key);
    if (known != null && known.matches(stat)) {
      return known.digest();
    }
    byte[] digest = hasher.hash(file);
    hardLinked.put(key, new InodeDigest(stat.size(), stat.mtimeNanos(), stat.ctimeNanos(), digest));
    return digest;
  }

  private static boolean sameDetail(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a != null && a.equals(b);
  }
}
