package dev.kaniko.testsupport.context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes a directory as a context tarball (gzip or plain), keeping modes and symlinks. */
public final class ContextTarballs {

  private ContextTarballs() {}

  /** Writes {@code dir}'s tree to {@code tarball}, gzip-compressed; returns {@code tarball}. */
  public static Path writeTarGz(Path dir, Path tarball) throws IOException {
    try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(tarball))) {
      writeTar(dir, out);
    }
    return tarball;
  }

  /** Writes {@code dir}'s tree to {@code tarball}, uncompressed; returns {@code tarball}. */
  public static Path writeTar(Path dir, Path tarball) throws IOException {
    try (OutputStream out = Files.newOutputStream(tarball)) {
      writeTar(dir, out);
    }
    return tarball;
  }

  /** Streams {@code dir}'s tree as a tar to {@code out} (left open), entries sorted by name. */
  public static void writeTar(Path dir, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
    }
    for (Path path : paths) {
      writeEntry(tar, dir, path);
    }
    tar.finish();
    tar.close();
  }

  private static void writeEntry(TarArchiveOutputStream tar, Path dir, Path path) throws IOException {
    String name = dir.relativize(path).toString().replace('\\', '/');
    if (Files.isSymbolicLink(path)) {
      TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return;
    }
    boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    TarArchiveEntry entry = new TarArchiveEntry(directory ? name + "/" : name);
    entry.setMode((directory ? 040000 : 0100000) | mode(path));
    entry.setModTime(Files.getLastModifiedTime(path));
    if (!directory) {
      entry.setSize(Files.size(path));
    }
    tar.putArchiveEntry(entry);
    if (!directory) {
      Files.copy(path, tar);
    }
    tar.closeArchiveEntry();
  }

  private static int mode(Path path) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    int mode = 0;
    for (PosixFilePermission permission : PosixFilePermission.values()) {
      if (permissions.contains(permission)) {
        mode |= 1 << (8 - permission.ordinal());
      }
    }
    return mode;
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
