package dev.kaniko.core.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small tars in memory with raw (unnormalised, possibly hostile) names. */
final class TestTar {
  static final long MTIME = 1_600_000_000_000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream out;

  TestTar() {
    out = new TarArchiveOutputStream(bytes, "UTF-8");
    out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    out.setAddPaxHeadersForNonAsciiNames(true);
  }

  TestTar dir(String name) {
    return dir(name, 0755, e -> {});
  }

  TestTar dir(String name, int mode, Consumer<TarArchiveEntry> tweak) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_DIR, true);
    entry.setMode(mode);
    return add(entry, null, tweak);
  }

  TestTar file(String name, String content) {
    return file(name, content, 0644, e -> {});
  }

  TestTar file(String name, String content, int mode, Consumer<TarArchiveEntry> tweak) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
    entry.setMode(mode);
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    entry.setSize(data.length);
    return add(entry, data, tweak);
  }

  TestTar symlink(String name, String target) {
    return symlink(name, target, e -> {});
  }

  TestTar symlink(String name, String target, Consumer<TarArchiveEntry> tweak) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    entry.setLinkName(target);
    entry.setMode(0777);
    return add(entry, null, tweak);
  }

  TestTar hardlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    entry.setLinkName(target);
    entry.setMode(0644);
    return add(entry, null, e -> {});
  }

  TestTar node(String name, byte type, int mode, int major, int minor) {
    TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
    entry.setMode(mode);
    entry.setDevMajor(major);
    entry.setDevMinor(minor);
    return add(entry, null, e -> {});
  }

  private TestTar add(TarArchiveEntry entry, byte[] data, Consumer<TarArchiveEntry> tweak) {
    entry.setModTime(MTIME);
    tweak.accept(entry);
    try {
      out.putArchiveEntry(entry);
      if (data != null) {
        out.write(data);
      }
      out.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  byte[] build() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
