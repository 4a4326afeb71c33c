package dev.kaniko.core.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** The lstat(2) view of one file, read through the JDK's {@code unix:} attribute view. */
record FileMetadata(
    int mode, long uid, long gid, long size, long mtimeSeconds, long dev, long ino, int nlink,
    long rdev) {

  static final int S_IFMT = 0170000;
  static final int S_IFSOCK = 0140000;
  static final int S_IFLNK = 0120000;
  static final int S_IFREG = 0100000;
  static final int S_IFBLK = 0060000;
  static final int S_IFDIR = 0040000;
  static final int S_IFCHR = 0020000;
  static final int S_IFIFO = 0010000;

  private static final String ATTRS = "unix:mode,uid,gid,size,lastModifiedTime,dev,ino,nlink,rdev";

  static FileMetadata read(Path p) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, ATTRS, LinkOption.NOFOLLOW_LINKS);
    return new FileMetadata(
        (Integer) a.get("mode"),
        Integer.toUnsignedLong((Integer) a.get("uid")),
        Integer.toUnsignedLong((Integer) a.get("gid")),
        (Long) a.get("size"),
        Math.floorDiv(((FileTime) a.get("lastModifiedTime")).toMillis(), 1000L),
        (Long) a.get("dev"),
        (Long) a.get("ino"),
        (Integer) a.get("nlink"),
        (Long) a.get("rdev"));
  }

  int type() {
    return mode & S_IFMT;
  }

  boolean isDirectory() {
    return type() == S_IFDIR;
  }

  /** Permission bits plus setuid, setgid and sticky. */
  int permissions() {
    return mode & 07777;
  }

  /** Linux (glibc) encoding of dev_t. */
  long devMajor() {
    return ((rdev >>> 8) & 0xfffL) | ((rdev >>> 32) & ~0xfffL);
  }

  long devMinor() {
    return (rdev & 0xffL) | ((rdev >>> 12) & ~0xffL);
  }
}
