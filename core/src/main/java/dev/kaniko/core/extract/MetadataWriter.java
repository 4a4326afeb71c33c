package dev.kaniko.core.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an entry's ownership, times, mode and xattrs, in that order (chown clears setuid bits
 * and capabilities). {@code noOpen} paths (fifos, devices) are changed by path, never opened.
 */
final class MetadataWriter {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataWriter.class);
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final LinkOption[] FOLLOW = {};

  private final ExtractOptions options;
  private final LinuxCalls linux;
  private final ExtractResult.Tally tally;
  private Map<String, byte[]> rawPax = Map.of();

  MetadataWriter(ExtractOptions options, LinuxCalls linux, ExtractResult.Tally tally) {
    this.options = options;
    this.linux = linux;
    this.tally = tally;
  }

  /** The raw PAX records of the entry about to be written (binary-safe xattr values). */
  void useRawPax(Map<String, byte[]> records) {
    this.rawPax = records;
  }

  /** Ownership, times, mode and xattrs of a regular file. */
  void applyToFile(Path path, TarArchiveEntry entry) throws IOException {
    owner(path, entry);
    times(path, entry);
    mode(path, entry.getMode(), NOFOLLOW);
    xattrs(path, entry);
  }

  /** Ownership, times and xattrs of a symlink (Linux ignores a symlink's mode). */
  void applyToSymlink(Path path, TarArchiveEntry entry) throws IOException {
    owner(path, entry);
    times(path, entry);
    xattrs(path, entry);
  }

  /** Ownership, times, mode and xattrs of a fifo or device node, without opening it. */
  void applyToNode(Path path, TarArchiveEntry entry) throws IOException {
    owner(path, entry);
    times(path, entry);
    mode(path, entry.getMode(), FOLLOW);
    xattrs(path, entry);
  }

  /** Ownership and xattrs of a directory now; mode and times come last (see deferred dirs). */
  void applyToDirectoryNow(Path path, TarArchiveEntry entry) throws IOException {
    owner(path, entry);
    xattrs(path, entry);
  }

  /** Mode and times of a directory, once its children are written. */
  void finishDirectory(Path path, int mode, FileTime mtime, FileTime atime) throws IOException {
    linux.lutimes(path, atime, mtime);
    mode(path, mode, NOFOLLOW);
  }

  /** Sets the permission bits (including setuid, setgid, sticky). */
  void mode(Path path, int mode, LinkOption[] links) throws IOException {
    Files.setAttribute(path, "unix:mode", mode & 07777, links);
  }

  private void owner(Path path, TarArchiveEntry entry) throws IOException {
    if (!options.applyOwnership()) {
      return;
    }
    Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), NOFOLLOW);
    Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), NOFOLLOW);
  }

  /** Times are set with utimensat(AT_SYMLINK_NOFOLLOW): the JDK would open fifos and devices. */
  private void times(Path path, TarArchiveEntry entry) throws IOException {
    linux.lutimes(path, atime(entry), entry.getLastModifiedTime());
  }

  static FileTime atime(TarArchiveEntry entry) {
    FileTime atime = entry.getLastAccessTime();
    return atime != null ? atime : entry.getLastModifiedTime();
  }

  private void xattrs(Path path, TarArchiveEntry entry) throws IOException {
    if (options.mode() != ExtractMode.LAYER) {
      return;
    }
    for (Map.Entry<String, byte[]> xattr : PaxXattrs.of(entry, rawPax).entrySet()) {
      try {
        linux.lsetxattr(path, xattr.getKey(), xattr.getValue());
      } catch (LinuxCalls.ErrnoException e) {
        if (!refusedByFileSystem(e.errno())) {
          throw e;
        }
        tally.xattrsSkipped++;
        LOG.warn("xattr {} of {} not applied: the file system refused it (errno {})",
            xattr.getKey(), entry.getName(), e.errno());
      }
    }
  }

  private static boolean refusedByFileSystem(int errno) {
    return errno == LinuxCalls.EOPNOTSUPP || errno == LinuxCalls.EPERM
        || errno == LinuxCalls.EACCES;
  }
}
