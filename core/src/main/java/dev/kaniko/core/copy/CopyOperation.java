package dev.kaniko.core.copy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The file part of COPY: copies sources from a root (build context or stage rootfs) into a
 * rootfs with docker's rules (a directory's contents are copied; a destination ending in
 * {@code /} or an existing directory receives files by name; several sources need a directory).
 */
public final class CopyOperation {
  private final Path sourceRoot;
  private final String sourceName;
  private final Path rootfs;
  private final DockerIgnore ignore;

  /**
   * @param sourceName how errors name the source root, e.g. {@code the build context}
   */
  public CopyOperation(Path sourceRoot, String sourceName, Path rootfs) {
    this(sourceRoot, sourceName, rootfs, DockerIgnore.none());
  }

  /** A copy whose sources skip what {@code ignore} (the context's .dockerignore) excludes. */
  public CopyOperation(Path sourceRoot, String sourceName, Path rootfs, DockerIgnore ignore) {
    this.sourceRoot = sourceRoot;
    this.sourceName = sourceName;
    this.rootfs = rootfs;
    this.ignore = ignore;
  }

  /**
   * Copies {@code sources} to the absolute {@code destination}; returns the paths created or
   * replaced, relative to the rootfs (the new layer's contents).
   *
   * @param owner the owner of every copied file and created directory; empty keeps the source's
   * @param mode a mode for every copied file and directory; empty keeps the source's
   */
  public List<String> copy(List<String> sources, String destination, Optional<Ownership> owner,
      Optional<FileMode> mode) throws IOException, CopyException {
    return copy(sources, destination, owner, mode, Optional.empty());
  }

  /**
   * ADD of local sources: like {@link #copy}, but a source file that is a tar archive (plain,
   * gzip or zstd) is extracted into the destination directory (through {@code scratch}), keeping
   * the archive's owners unless {@code chown} is given.
   */
  public List<String> add(List<String> sources, String destination, Optional<Ownership> owner,
      Optional<Ownership> chown, Optional<FileMode> mode, Path scratch)
      throws IOException, CopyException {
    return copy(sources, destination, owner, mode, Optional.of(scratch), chown);
  }

  private List<String> copy(List<String> sources, String destination, Optional<Ownership> owner,
      Optional<FileMode> mode, Optional<Path> unpackScratch) throws IOException, CopyException {
    return copy(sources, destination, owner, mode, unpackScratch, owner);
  }

  private List<String> copy(List<String> sources, String destination, Optional<Ownership> owner,
      Optional<FileMode> mode, Optional<Path> unpackScratch, Optional<Ownership> archiveOwner)
      throws IOException, CopyException {
    SourceResolver resolver = new SourceResolver(sourceRoot, sourceName, ignore);
    List<Path> files = new ArrayList<>();
    for (String source : sources) {
      files.addAll(resolver.resolve(source));
    }
    boolean destIsDir = destination.endsWith("/") || destination.endsWith("/.")
        || ChrootPath.isDirectory(rootfs, destination);
    if (files.size() > 1 && !destIsDir) {
      throw new CopyException("when copying several sources (" + String.join(", ", sources)
          + "), the destination " + destination + " must be a directory ending with /");
    }
    FileCopier copier = new FileCopier(rootfs, owner, mode, this::ignored);
    Path dest = ChrootPath.resolve(rootfs, destination, destIsDir);
    for (Path file : files) {
      if (unpackScratch.isPresent() && Archives.isArchive(file)) {
        Path unpacked = Archives.extract(file, unpackScratch.get());
        FileCopier archiveCopier = new FileCopier(rootfs, archiveOwner, mode);
        archiveCopier.mkdirs(dest);
        archiveCopier.copyEntries(unpacked, dest);
        copier.addAll(archiveCopier.added());
      } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        copier.mkdirs(dest);
        copier.copyContents(file, dest);
      } else if (destIsDir) {
        copier.mkdirs(dest);
        copier.copy(file, dest.resolve(file.getFileName().toString()));
      } else {
        copier.copy(file, dest);
      }
    }
    Set<String> unique = new LinkedHashSet<>(copier.added());
    return List.copyOf(unique);
  }

  private boolean ignored(Path source) {
    if (!source.startsWith(sourceRoot)) {
      return false;
    }
    String rel = sourceRoot.relativize(source).toString();
    if (!ignore.test(rel)) {
      return false;
    }
    // an excluded directory is entered (and created) only for what an exception includes below it
    return !(ignore.hasExceptions() && Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)
        && includesSomethingBelow(source));
  }

  private boolean includesSomethingBelow(Path dir) {
    try (Stream<Path> below = Files.walk(dir)) {
      return below.skip(1).anyMatch(p -> !ignore.test(sourceRoot.relativize(p).toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a whole tree (a stage's rootfs for {@code FROM stage}) keeping owners and modes. */
  public static void copyTree(Path source, Path target) throws IOException {
    Files.createDirectories(target);
    new FileCopier(target, Optional.empty(), Optional.empty()).copyContents(source, target);
  }

  /**
   * Creates the absolute directory {@code path} and its missing parents in {@code rootfs} (mode
   * 0755, owned by {@code owner}); returns the created paths relative to the rootfs.
   */
  public static List<String> makeDirectories(Path rootfs, String path, Ownership owner)
      throws IOException {
    FileCopier copier = new FileCopier(rootfs, Optional.of(owner), Optional.empty());
    copier.mkdirs(ChrootPath.resolve(rootfs, path, true));
    return copier.added();
  }
}
