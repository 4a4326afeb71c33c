package dev.kaniko.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** One extraction: applies entries in order onto the root and keeps the layer's bookkeeping. */
final class Extraction {
  private static final int BUFFER = 64 * 1024;
  private static final int IMPLICIT_DIR_MODE = 0755;

  private final ExtractOptions options;
  private final RootResolver resolver;
  private final TreeDeleter deleter;
  private final MetadataWriter metadata;
  private final LinuxCalls linux;
  private final ExtractResult.Tally tally;
  /** Image paths written by this layer: whiteouts and opaque markers spare them. */
  private final Set<String> written = new HashSet<>();
  private final List<PendingDirectory> directories = new ArrayList<>();
  private final Whiteouts whiteouts;
  private final byte[] buffer = new byte[BUFFER];

  private record PendingDirectory(ImagePath image, int mode, FileTime mtime, FileTime atime) {}

  Extraction(Path realRoot, ExtractOptions options, LinuxCalls linux, ExtractResult.Tally tally) {
    this.options = options;
    this.resolver = new RootResolver(realRoot, options);
    this.deleter = new TreeDeleter(options);
    this.metadata = new MetadataWriter(options, linux, tally);
    this.linux = linux;
    this.tally = tally;
    this.whiteouts = new Whiteouts(resolver, options, deleter, tally, written);
  }

  /** Applies one entry; {@code rawPax} holds its PAX records with undecoded values. */
  void apply(TarArchiveEntry entry, InputStream content, Map<String, byte[]> rawPax)
      throws IOException {
    tally.entries++;
    metadata.useRawPax(rawPax);
    String name = entry.getName();
    ImagePath path = ImagePath.parse(name, name);
    try {
      if (isWhiteout(path)) {
        whiteouts.apply(name, path);
      } else {
        write(entry, path, content);
      }
    } catch (ExtractionException e) {
      throw e;
    } catch (InvalidPathException e) {
      throw new ExtractionException(name, "invalid path: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ExtractionException(name, "cannot be written: " + e, e);
    }
  }

  /**
   * Applies the directories' modes and times, last-written first. Each is looked up again and
   * skipped unless its whole path is still made of real directories: a later entry may have
   * replaced a parent with a symlink leading anywhere.
   */
  void finish() throws IOException {
    for (int i = directories.size() - 1; i >= 0; i--) {
      PendingDirectory dir = directories.get(i);
      Path host = resolver.realDirectory(dir.image());
      if (host != null) {
        metadata.finishDirectory(host, dir.mode(), dir.mtime(), dir.atime());
      }
    }
  }

  private boolean isWhiteout(ImagePath path) {
    return options.mode() == ExtractMode.LAYER && !path.isRoot()
        && path.fileName().startsWith(Whiteouts.PREFIX);
  }

  private void write(TarArchiveEntry entry, ImagePath path, InputStream content)
      throws IOException {
    String name = entry.getName();
    if (options.isIgnored(path.toString())) {
      tally.ignored++;
      return;
    }
    if (path.isRoot()) {
      requireDirectoryForRoot(entry);
      return;
    }
    RootResolver.Resolved parent = resolver.resolveDirectory(path.parent(), name, this::makeDir);
    ImagePath image = parent == RootResolver.IGNORED ? null : parent.image().child(path.fileName());
    if (image == null || options.isIgnored(image.toString())) {
      tally.ignored++;
      return;
    }
    Path host = parent.host().resolve(path.fileName());
    remember(image);
    writeNode(entry, image, host, content);
  }

  private void requireDirectoryForRoot(TarArchiveEntry entry) throws ExtractionException {
    if (!entry.isDirectory()) {
      throw new ExtractionException(entry.getName(), "only a directory may stand for the root");
    }
    tally.directories++; // the root's own metadata is left as the caller made it
  }

  private void writeNode(TarArchiveEntry entry, ImagePath image, Path host, InputStream content)
      throws IOException {
    if (entry.isDirectory()) {
      writeDirectory(entry, image, host);
    } else if (entry.isSymbolicLink()) {
      writeSymlink(entry, image, host);
    } else if (entry.isLink()) {
      writeHardlink(entry, image, host);
    } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      writeSpecial(entry, image, host);
    } else if (isRegular(entry)) {
      writeFile(entry, image, host, content);
    } else {
      throw new ExtractionException(entry.getName(),
          "unsupported tar entry type '" + (char) entry.getLinkFlag() + "'");
    }
  }

  private static boolean isRegular(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return flag == '0' || flag == 0 || flag == '7' || entry.isSparse();
  }

  private void writeDirectory(TarArchiveEntry entry, ImagePath image, Path host)
      throws IOException {
    BasicFileAttributes existing = RootResolver.lstat(host);
    if (existing == null || !existing.isDirectory()) {
      clearSlot(entry, image, host);
      Files.createDirectory(host);
    }
    metadata.applyToDirectoryNow(host, entry);
    directories.add(new PendingDirectory(image, entry.getMode(), entry.getLastModifiedTime(),
        MetadataWriter.atime(entry)));
    tally.directories++;
  }

  private void writeFile(TarArchiveEntry entry, ImagePath image, Path host, InputStream content)
      throws IOException {
    clearSlot(entry, image, host);
    try (OutputStream out = Files.newOutputStream(host, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = content.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        tally.bytes += n;
      }
    }
    metadata.applyToFile(host, entry);
    tally.files++;
  }

  private void writeSymlink(TarArchiveEntry entry, ImagePath image, Path host)
      throws IOException {
    String target = entry.getLinkName();
    if (target == null || target.isEmpty()) {
      throw new ExtractionException(entry.getName(), "symlink with an empty target");
    }
    clearSlot(entry, image, host);
    Files.createSymbolicLink(host, host.getFileSystem().getPath(target));
    metadata.applyToSymlink(host, entry);
    tally.symlinks++;
  }

  private void writeHardlink(TarArchiveEntry entry, ImagePath image, Path host)
      throws IOException {
    Path target = new HardlinkTarget(resolver, options, entry).resolve();
    if (target == null) {
      tally.ignored++;
      return;
    }
    if (target.equals(host)) {
      throw new ExtractionException(entry.getName(), "hardlink to itself");
    }
    clearSlot(entry, image, host);
    Files.createLink(host, target);
    tally.hardlinks++;
  }

  private void writeSpecial(TarArchiveEntry entry, ImagePath image, Path host)
      throws IOException {
    if (options.mode() != ExtractMode.LAYER) {
      throw new ExtractionException(entry.getName(),
          "device nodes and fifos are not allowed in a build context");
    }
    clearSlot(entry, image, host);
    try {
      linux.mknod(host, fileType(entry) | (entry.getMode() & 07777), entry.getDevMajor(),
          entry.getDevMinor());
    } catch (LinuxCalls.ErrnoException e) {
      String hint = e.errno() == LinuxCalls.EPERM ? " (device nodes need root)" : "";
      throw new ExtractionException(entry.getName(), "mknod failed: errno " + e.errno() + hint, e);
    }
    metadata.applyToNode(host, entry);
    tally.specialFiles++;
  }

  private static int fileType(TarArchiveEntry entry) {
    if (entry.isCharacterDevice()) {
      return LinuxCalls.S_IFCHR;
    }
    return entry.isBlockDevice() ? LinuxCalls.S_IFBLK : LinuxCalls.S_IFIFO;
  }

  /** Removes whatever is at {@code host} (docker: remove, then create). */
  private void clearSlot(TarArchiveEntry entry, ImagePath image, Path host) throws IOException {
    if (!deleter.delete(host, image)) {
      throw new ExtractionException(entry.getName(),
          "cannot replace " + image + ": it holds ignored paths");
    }
  }

  private void makeDir(Path host, ImagePath image) throws IOException {
    Files.createDirectory(host);
    metadata.mode(host, IMPLICIT_DIR_MODE, new LinkOption[] {LinkOption.NOFOLLOW_LINKS});
    remember(image);
  }

  private void remember(ImagePath image) {
    if (options.mode() == ExtractMode.LAYER) {
      written.add(image.toString());
    }
  }
}
