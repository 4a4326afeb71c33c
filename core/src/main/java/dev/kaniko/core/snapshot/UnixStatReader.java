package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link StatReader} over the JDK's {@code unix:} attribute view: one {@code lstat} per call. */
public final class UnixStatReader implements StatReader {

  private static final String ATTRIBUTES = "unix:mode,uid,gid,size,lastModifiedTime,ctime,ino,dev,nlink,rdev";

  @Override
  public FileStat lstat(Path path) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    return new FileStat(
        (Integer) a.get("mode"),
        (Integer) a.get("uid"),
        (Integer) a.get("gid"),
        (Long) a.get("size"),
        nanos(a.get("lastModifiedTime")),
        nanos(a.get("ctime")),
        (Long) a.get("ino"),
        (Long) a.get("dev"),
        (Integer) a.get("nlink"),
        (Long) a.get("rdev"));
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }
}
