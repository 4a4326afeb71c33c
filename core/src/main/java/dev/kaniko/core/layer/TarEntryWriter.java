package dev.kaniko.core.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes planned entries into a tar stream. PAX records are computed here and written as an
 * explicit 'x' entry, so the ustar header commons-compress writes never needs its own PAX block.
 */
final class TarEntryWriter {
  private static final Logger LOG = LoggerFactory.getLogger(TarEntryWriter.class);
  private static final long MAX_OCTAL_ID = 07777777L;
  private static final long MAX_OCTAL_SIZE = 077777777777L;
  private static final int MAX_USTAR_NAME = TarConstants.NAMELEN - 1;

  private final TarArchiveOutputStream tar;
  private final Path root;
  private final XattrReader xattrs;
  private final boolean reproducible;
  private final Map<String, String> firstPathByInode = new HashMap<>();
  private final byte[] buffer = new byte[64 * 1024];

  TarEntryWriter(TarArchiveOutputStream tar, Path root, XattrReader xattrs, boolean reproducible) {
    this.tar = tar;
    this.root = root;
    this.xattrs = xattrs;
    this.reproducible = reproducible;
  }

  void write(PlannedEntry entry) throws IOException {
    if (entry.kind() == PlannedEntry.Kind.FROM_DISK) {
      writeFromDisk(entry.path());
    } else {
      writeMarker(entry.tarPath());
    }
  }

  private void writeMarker(String name) throws IOException {
    TarArchiveEntry e = newEntry(name, TarConstants.LF_NORMAL);
    e.setMode(0);
    e.setSize(0);
    e.setModTime(0);
    put(e, name, new PaxRecords());
    tar.closeArchiveEntry();
  }

  private void writeFromDisk(String path) throws IOException {
    Path file = root.resolve(path);
    FileMetadata md = FileMetadata.read(file);
    if (md.type() == FileMetadata.S_IFSOCK) {
      LOG.debug("skipping socket {}: tar cannot hold sockets", path);
      return;
    }
    String hardlinkTarget = hardlinkTarget(path, md);
    String name = md.isDirectory() ? path + "/" : path;
    TarArchiveEntry e = newEntry(name, linkFlag(md, hardlinkTarget));
    e.setMode(md.permissions());
    e.setModTime(reproducible ? 0 : Math.max(0, md.mtimeSeconds()) * 1000L);
    PaxRecords pax = new PaxRecords();
    setIds(e, md, pax);
    String linkName = null;
    if (hardlinkTarget != null) {
      linkName = hardlinkTarget;
    } else if (md.type() == FileMetadata.S_IFLNK) {
      linkName = Files.readSymbolicLink(file).toString();
    } else if (md.type() == FileMetadata.S_IFCHR || md.type() == FileMetadata.S_IFBLK) {
      e.setDevMajor((int) md.devMajor());
      e.setDevMinor((int) md.devMinor());
    }
    long size = hardlinkTarget == null && md.type() == FileMetadata.S_IFREG ? md.size() : 0;
    e.setSize(size);
    if (size > MAX_OCTAL_SIZE) {
      pax.put("size", Long.toString(size));
    }
    if (linkName != null) {
      e.setLinkName(ustarName(linkName, false));
      if (!fitsUstar(linkName)) {
        pax.put("linkpath", linkName);
      }
    }
    for (Map.Entry<String, byte[]> x : readXattrs(file).entrySet()) {
      pax.put("SCHILY.xattr." + x.getKey(), x.getValue());
    }
    put(e, name, pax);
    if (size > 0) {
      copyContent(file, size, path);
    }
    tar.closeArchiveEntry();
  }

  private SortedMap<String, byte[]> readXattrs(Path file) throws IOException {
    return xattrs == null ? new TreeMap<>() : xattrs.read(file);
  }

  /** Records the inode; returns the first path of an inode already in this layer. */
  private String hardlinkTarget(String path, FileMetadata md) {
    if (md.isDirectory() || md.nlink() < 2) {
      return null;
    }
    return firstPathByInode.putIfAbsent(md.dev() + ":" + md.ino(), path);
  }

  private static byte linkFlag(FileMetadata md, String hardlinkTarget) throws IOException {
    if (hardlinkTarget != null) {
      return TarConstants.LF_LINK;
    }
    switch (md.type()) {
      case FileMetadata.S_IFREG: return TarConstants.LF_NORMAL;
      case FileMetadata.S_IFDIR: return TarConstants.LF_DIR;
      case FileMetadata.S_IFLNK: return TarConstants.LF_SYMLINK;
      case FileMetadata.S_IFCHR: return TarConstants.LF_CHR;
      case FileMetadata.S_IFBLK: return TarConstants.LF_BLK;
      case FileMetadata.S_IFIFO: return TarConstants.LF_FIFO;
      default:
        throw new IOException("unsupported file type " + Integer.toOctalString(md.type()));
    }
  }

  private static void setIds(TarArchiveEntry e, FileMetadata md, PaxRecords pax) {
    e.setUserId(md.uid());
    e.setGroupId(md.gid());
    if (md.uid() > MAX_OCTAL_ID) {
      pax.put("uid", Long.toString(md.uid()));
    }
    if (md.gid() > MAX_OCTAL_ID) {
      pax.put("gid", Long.toString(md.gid()));
    }
  }

  private static TarArchiveEntry newEntry(String name, byte flag) {
    TarArchiveEntry e = new TarArchiveEntry(ustarName(name, name.endsWith("/")), flag);
    e.setUserName("");
    e.setGroupName("");
    return e;
  }

  /** Writes the PAX block (adding {@code path} when the name does not fit ustar), then the header. */
  private void put(TarArchiveEntry e, String name, PaxRecords pax) throws IOException {
    if (!fitsUstar(name)) {
      pax.put("path", name);
    }
    if (!pax.isEmpty()) {
      byte[] data = pax.encode();
      TarArchiveEntry x = newEntry("PaxHeaders.0/" + baseName(e.getName()),
          TarConstants.LF_PAX_EXTENDED_HEADER_LC);
      x.setMode(0644);
      x.setModTime(e.getModTime());
      x.setSize(data.length);
      tar.putArchiveEntry(x);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    tar.putArchiveEntry(e);
  }

  private void copyContent(Path file, long size, String path) throws IOException {
    long left = size;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("file shrank while writing the layer: " + path);
        }
        tar.write(buffer, 0, n);
        left -= n;
      }
    }
  }

  static boolean fitsUstar(String name) {
    return isAscii(name) && name.length() <= MAX_USTAR_NAME;
  }

  /** ASCII, at most 99 bytes, keeping a directory's trailing slash; the PAX record has the rest. */
  static String ustarName(String name, boolean dir) {
    if (fitsUstar(name)) {
      return name;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      b.append(c < 0x80 && c != 0 ? c : '_');
    }
    String ascii = b.toString();
    if (ascii.length() > MAX_USTAR_NAME) {
      ascii = ascii.substring(0, MAX_USTAR_NAME - 1) + (dir ? "/" : "_");
    }
    return ascii;
  }

  private static String baseName(String name) {
    String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    String base = n.substring(n.lastIndexOf('/') + 1);
    return base.length() > 80 ? base.substring(0, 80) : base;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
