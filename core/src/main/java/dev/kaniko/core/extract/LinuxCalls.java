package dev.kaniko.core.extract;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * Syscalls the JDK lacks or only offers by opening the file: mknod(2), lsetxattr(2) and
 * utimensat(2) with AT_SYMLINK_NOFOLLOW, through JNA (loaded lazily).
 */
final class LinuxCalls {
  static final int EPERM = 1;
  static final int EACCES = 13;
  static final int EOPNOTSUPP = 95;

  static final int AT_FDCWD = -100;
  static final int AT_SYMLINK_NOFOLLOW = 0x100;

  static final int S_IFIFO = 0010000;
  static final int S_IFCHR = 0020000;
  static final int S_IFBLK = 0060000;

  /** The C library functions used. */
  interface LibC extends Library {
    int mknod(String path, int mode, long dev) throws LastErrorException;

    int lsetxattr(String path, String name, byte[] value, long size, int flags)
        throws LastErrorException;

    int utimensat(int dirfd, String path, long[] times, int flags) throws LastErrorException;
  }

  /** A failed syscall with its errno. */
  static final class ErrnoException extends IOException {
    private final int errno;

    ErrnoException(String call, Path path, int errno) {
      super(call + " " + path + " failed with errno " + errno);
      this.errno = errno;
    }

    int errno() {
      return errno;
    }
  }

  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  /** Creates a fifo or device node; {@code mode} includes the file type bits. */
  void mknod(Path path, int mode, int major, int minor) throws ErrnoException {
    try {
      Holder.LIBC.mknod(path.toString(), mode, makedev(major, minor));
    } catch (LastErrorException e) {
      throw new ErrnoException("mknod", path, e.getErrorCode());
    }
  }

  /** Sets an extended attribute without following a final symlink. */
  void lsetxattr(Path path, String name, byte[] value) throws ErrnoException {
    try {
      Holder.LIBC.lsetxattr(path.toString(), name, value, value.length, 0);
    } catch (LastErrorException e) {
      throw new ErrnoException("lsetxattr " + name + " on", path, e.getErrorCode());
    }
  }

  /** Sets atime and mtime of {@code path} itself (never a symlink's target), never opening it. */
  void lutimes(Path path, FileTime atime, FileTime mtime) throws ErrnoException {
    long[] times = {seconds(atime), nanos(atime), seconds(mtime), nanos(mtime)};
    try {
      Holder.LIBC.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW);
    } catch (LastErrorException e) {
      throw new ErrnoException("utimensat", path, e.getErrorCode());
    }
  }

  private static long seconds(FileTime time) {
    return Math.floorDiv(time.to(TimeUnit.NANOSECONDS), 1_000_000_000L);
  }

  private static long nanos(FileTime time) {
    return Math.floorMod(time.to(TimeUnit.NANOSECONDS), 1_000_000_000L);
  }

  /** glibc's makedev encoding of a 64-bit dev_t. */
  static long makedev(int major, int minor) {
    long ma = major & 0xffffffffL;
    long mi = minor & 0xffffffffL;
    return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8)
        | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
  }
}
