package dev.kaniko.core.copy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Copies files, directories and symlinks into a root directory, preserving modes, times and
 * hardlinks, applying an owner (else keeping the source's) and a mode override; records every
 * path it creates relative to the root.
 */
final class FileCopier {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  /**
   * The lstat fields a copy needs, read in one call: never "unix:*", whose owner and group
   * names cost a passwd/group lookup (files opened) per file.
   */
  private static final String ATTRS = "unix:mode,uid,gid,nlink,lastModifiedTime,fileKey";
  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;

  private final Path destRoot;
  private final Optional<Ownership> owner;
  private final Optional<FileMode> mode;
  private final Map<Object, Path> linked = new HashMap<>();
  private final List<String> added = new ArrayList<>();
  private final Predicate<Path> skipped;

  FileCopier(Path destRoot, Optional<Ownership> owner, Optional<FileMode> mode) {
    this(destRoot, owner, mode, p -> false);
  }

  /** @param skipped source paths not to copy (entries of directories being copied) */
  FileCopier(Path destRoot, Optional<Ownership> owner, Optional<FileMode> mode,
      Predicate<Path> skipped) {
    this.destRoot = destRoot;
    this.owner = owner;
    this.mode = mode;
    this.skipped = skipped;
  }

  /** Paths created or replaced, relative to the root, in creation order. */
  List<String> added() {
    return List.copyOf(added);
  }

  /** Records paths another copier created. */
  void addAll(List<String> paths) {
    added.addAll(paths);
  }

  /** Creates {@code dir} and its missing parents (mode 0755, the copy's owner or root). */
  void mkdirs(Path dir) throws IOException {
    if (dir.equals(destRoot) || Files.isDirectory(dir, NOFOLLOW)) {
      return;
    }
    mkdirs(dir.getParent());
    if (Files.exists(dir, NOFOLLOW)) {
      throw new IOException("cannot create directory /" + rel(dir) + ": a file is in the way");
    }
    Files.createDirectory(dir);
    setPermissions(dir, 0755);
    Ownership o = owner.orElse(Ownership.ROOT);
    chown(dir, o.uid(), o.gid());
    added.add(rel(dir));
  }

  /** Copies {@code source} (not following a final symlink) to {@code dest}. */
  void copy(Path source, Path dest) throws IOException {
    Map<String, Object> attrs = Files.readAttributes(source, ATTRS, NOFOLLOW);
    if (type(attrs) == S_IFDIR) {
      copyDirectory(source, dest, attrs);
    } else {
      copyLeaf(source, dest, attrs);
    }
  }

  /** Copies the entries of directory {@code source} into directory {@code dest} (created). */
  void copyContents(Path source, Path dest) throws IOException {
    Map<String, Object> attrs = Files.readAttributes(source, ATTRS, NOFOLLOW);
    copyDirectory(source, dest, attrs);
  }

  /**
   * Copies the entries of directory {@code source} into the existing directory {@code dest},
   * leaving {@code dest}'s own mode, owner and times alone (an archive's scratch directory).
   */
  void copyEntries(Path source, Path dest) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(source)) {
      for (Path child : children) {
        if (!skipped.test(child)) {
          copy(child, dest.resolve(child.getFileName().toString()));
        }
      }
    }
  }

  private void copyDirectory(Path source, Path dest, Map<String, Object> attrs)
      throws IOException {
    if (Files.exists(dest, NOFOLLOW) && !Files.isDirectory(dest, NOFOLLOW)) {
      Files.delete(dest);
    }
    if (!Files.isDirectory(dest, NOFOLLOW)) {
      mkdirs(dest.getParent());
      Files.createDirectory(dest);
    }
    if (!dest.equals(destRoot)) {
      added.add(rel(dest));
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(source)) {
      for (Path child : children) {
        if (!skipped.test(child)) {
          copy(child, dest.resolve(child.getFileName().toString()));
        }
      }
    }
    applyAttributes(dest, attrs);
  }

  private void copyLeaf(Path source, Path dest, Map<String, Object> attrs) throws IOException {
    if (Files.isDirectory(dest, NOFOLLOW)) {
      throw new IOException("cannot overwrite directory /" + rel(dest) + " with a non-directory");
    }
    mkdirs(dest.getParent());
    Files.deleteIfExists(dest);
    added.add(rel(dest));
    if (type(attrs) == S_IFLNK) {
      Files.createSymbolicLink(dest, Files.readSymbolicLink(source));
      applyOwner(dest, attrs);
      return;
    }
    if (type(attrs) != S_IFREG) {
      throw new IOException("copying special file " + source.getFileName()
          + " (device, fifo or socket) is not supported yet");
    }
    Object key = ((Integer) attrs.get("nlink")) > 1 ? attrs.get("fileKey") : null;
    Path first = key == null ? null : linked.get(key);
    if (first != null) {
      Files.createLink(dest, first);
      return;
    }
    Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES, NOFOLLOW);
    if (key != null) {
      linked.put(key, dest);
    }
    applyAttributes(dest, attrs);
  }

  private static int type(Map<String, Object> attrs) {
    return ((Integer) attrs.get("mode")) & S_IFMT;
  }

  private void applyAttributes(Path dest, Map<String, Object> attrs) throws IOException {
    applyOwner(dest, attrs);
    int current = ((Integer) attrs.get("mode")) & 07777;
    boolean directory = Files.isDirectory(dest, NOFOLLOW);
    int bits = mode.map(m -> m.apply(current, directory)).orElse(current);
    setPermissions(dest, bits);
    Files.getFileAttributeView(dest, PosixFileAttributeView.class, NOFOLLOW)
        .setTimes((FileTime) attrs.get("lastModifiedTime"), null, null);
  }

  private void applyOwner(Path dest, Map<String, Object> attrs) throws IOException {
    int uid = owner.map(Ownership::uid).orElse((Integer) attrs.get("uid"));
    int gid = owner.map(Ownership::gid).orElse((Integer) attrs.get("gid"));
    chown(dest, uid, gid);
  }

  private static void chown(Path p, int uid, int gid) throws IOException {
    Files.setAttribute(p, "unix:uid", uid, NOFOLLOW);
    Files.setAttribute(p, "unix:gid", gid, NOFOLLOW);
  }

  /** Sets all 12 mode bits (setuid/setgid/sticky through the unix view). */
  private static void setPermissions(Path p, int bits) throws IOException {
    Files.setAttribute(p, "unix:mode", bits, NOFOLLOW);
  }

  private String rel(Path p) {
    return destRoot.relativize(p).toString();
  }
}
