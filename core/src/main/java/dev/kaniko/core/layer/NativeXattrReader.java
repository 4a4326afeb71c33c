package dev.kaniko.core.layer;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads xattrs with libc's llistxattr/lgetxattr through JNA: the JDK's own view only sees
 * {@code user.*} and follows symlinks, which would lose {@code security.capability}.
 */
final class NativeXattrReader implements XattrReader {
  private static final int ERANGE = 34;
  private static final int ENOTSUP = 95;
  private static final int ENODATA = 61;

  /** The two libc calls we need; byte[] paths keep non-UTF-8 names intact. */
  interface LibC extends Library {
    long llistxattr(byte[] path, byte[] list, long size);

    long lgetxattr(byte[] path, byte[] name, byte[] value, long size);
  }

  private static volatile LibC libc;

  private final Predicate<String> filter;

  NativeXattrReader(Predicate<String> filter) {
    this.filter = filter;
  }

  private static LibC libc() throws IOException {
    LibC l = libc;
    if (l == null) {
      synchronized (NativeXattrReader.class) {
        if (libc == null) {
          try {
            libc = Native.load("c", LibC.class);
          } catch (LinkageError e) {
            throw new IOException("cannot read extended attributes: JNA could not load libc ("
                + e.getMessage() + ")", e);
          }
        }
        l = libc;
      }
    }
    return l;
  }

  @Override
  public SortedMap<String, byte[]> read(Path file) throws IOException {
    byte[] path = cString(file.toString().getBytes(StandardCharsets.UTF_8));
    SortedMap<String, byte[]> out = new TreeMap<>();
    for (String name : list(path, file)) {
      if (filter.test(name)) {
        byte[] value = get(path, name, file);
        if (value != null) {
          out.put(name, value);
        }
      }
    }
    return out;
  }

  private String[] list(byte[] path, Path file) throws IOException {
    byte[] buf = new byte[1024];
    while (true) {
      long n = libc().llistxattr(path, buf, buf.length);
      if (n >= 0) {
        return n == 0 ? new String[0]
            : new String(buf, 0, (int) n - 1, StandardCharsets.UTF_8).split("\0");
      }
      int errno = Native.getLastError();
      if (errno == ENOTSUP) {
        return new String[0];
      }
      if (errno != ERANGE) {
        throw new IOException("llistxattr failed for " + file + " (errno " + errno + ")");
      }
      buf = new byte[buf.length * 4];
    }
  }

  private byte[] get(byte[] path, String name, Path file) throws IOException {
    byte[] cname = cString(name.getBytes(StandardCharsets.UTF_8));
    byte[] buf = new byte[256];
    while (true) {
      long n = libc().lgetxattr(path, cname, buf, buf.length);
      if (n >= 0) {
        return Arrays.copyOf(buf, (int) n);
      }
      int errno = Native.getLastError();
      if (errno == ENODATA) {
        return null; // removed between list and get
      }
      if (errno != ERANGE) {
        throw new IOException(
            "lgetxattr " + name + " failed for " + file + " (errno " + errno + ")");
      }
      buf = new byte[buf.length * 8];
    }
  }

  private static byte[] cString(byte[] s) {
    return Arrays.copyOf(s, s.length + 1);
  }
}
