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
  private final DockerIgnore excludes;
  private final boolean parents;
  private final boolean link;
  private Path currentSource;

  /**
   * @param sourceName how errors name the source root, e.g. {@code the build context}
   */
  public CopyOperation(Path sourceRoot, String sourceName, Path rootfs) {
    this(sourceRoot, sourceName, rootfs, DockerIgnore.none());
  }

  /** A copy whose sources skip what {@code ignore} (the context's .dockerignore) excludes. */
  public CopyOperation(Path sourceRoot, String sourceName, Path rootfs, DockerIgnore ignore) {
    this(sourceRoot, sourceName, rootfs, ignore, DockerIgnore.none(), false, false);
  }

  private CopyOperation(Path sourceRoot, String sourceName, Path rootfs, DockerIgnore ignore,
      DockerIgnore excludes, boolean parents, boolean link) {
    this.sourceRoot = sourceRoot;
    this.sourceName = sourceName;
    this.rootfs = rootfs;
    this.ignore = ignore;
    this.excludes = excludes;
    this.parents = parents;
    this.link = link;
  }

  /**
   * This copy with {@code --link}: the destination does not depend on the rootfs' symlinks, as
   * BuildKit's independent layer applied over the base: a symlink on the destination path is
   * replaced (by the directory or file the copy creates), never followed.
   */
  public CopyOperation withLink(boolean independent) {
    return new CopyOperation(sourceRoot, sourceName, rootfs, ignore, excludes, parents,
        independent);
  }

  /**
   * This copy skipping what the {@code --exclude} patterns match (dockerignore syntax: {@code **},
   * {@code !} exceptions), matched against each file's path relative to the directory source it is
   * in, and against the name of a file source.
   */
  public CopyOperation withExcludes(List<String> patterns) {
    return new CopyOperation(sourceRoot, sourceName, rootfs, ignore, DockerIgnore.parse(patterns),
        parents, link);
  }

  /**
   * This copy with {@code --parents}: each source keeps its path relative to the source root (or,
   * after a {@code /./} pivot, the part after the pivot) under the destination directory;
   * {@code **} in a source matches any number of directories.
   */
  public CopyOperation withParents(boolean keepParents) {
    return new CopyOperation(sourceRoot, sourceName, rootfs, ignore, excludes, keepParents, link);
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
    SourceResolver resolver = new SourceResolver(sourceRoot, sourceName, ignore, parents);
    List<SourceResolver.Match> matches = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String source : sources) {
      int pivot = parents ? pivotDepth(source) : 0;
      boolean wildcard = GoPattern.hasMeta(source);
      for (SourceResolver.Match m : resolver.matches(source)) {
        if (!excludedSource(m, wildcard)) {
          matches.add(m);
          kept.add(keptPath(m.name(), pivot));
        }
      }
    }
    if (link) {
      unlinkDestination(destination);
    }
    boolean destIsDir = parents || destination.endsWith("/") || destination.endsWith("/.")
        || ChrootPath.isDirectory(rootfs, destination);
    if (matches.size() > 1 && !destIsDir) {
      throw new CopyException("when copying several sources (" + String.join(", ", sources)
          + "), the destination " + destination + " must be a directory ending with /");
    }
    FileCopier copier = new FileCopier(rootfs, owner, mode, this::skipped);
    Path destDir = ChrootPath.resolve(rootfs, destination, destIsDir);
    for (int i = 0; i < matches.size(); i++) {
      Path file = matches.get(i).path();
      currentSource = file;
      Path dest = parents ? keptDestination(destDir, kept.get(i)) : destDir;
      if (unpackScratch.isPresent() && Archives.isArchive(file)) {
        Path unpacked = Archives.extract(file, unpackScratch.get());
        FileCopier archiveCopier = new FileCopier(rootfs, archiveOwner, mode);
        archiveCopier.mkdirs(dest);
        archiveCopier.copyEntries(unpacked, dest);
        copier.addAll(archiveCopier.added());
      } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        copier.mkdirs(dest);
        copier.copyContents(file, dest);
      } else if (destIsDir && !parents) {
        copier.mkdirs(dest);
        copier.copy(file, dest.resolve(file.getFileName().toString()));
      } else {
        copier.copy(file, dest);
      }
    }
    Set<String> unique = new LinkedHashSet<>(copier.added());
    return List.copyOf(unique);
  }

  /** Removes the symlinks on {@code destination}'s path in the rootfs (--link). */
  private void unlinkDestination(String destination) throws IOException {
    Path p = rootfs;
    for (String part : destination.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      p = part.equals("..") ? (p.equals(rootfs) ? p : p.getParent()) : p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        Files.delete(p);
      }
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
    }
  }

  /**
   * A source matched by an {@code --exclude} pattern by its name: a file, or a directory a
   * wildcard matched ({@code COPY --exclude=tmp src/* /x/} skips {@code src/tmp}).
   */
  private boolean excludedSource(SourceResolver.Match match, boolean wildcard) {
    if (!wildcard && Files.isDirectory(match.path(), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    String name = match.name();
    return excludes.test(name.substring(name.lastIndexOf('/') + 1));
  }

  /** The number of source components before a {@code /./} pivot (0 without one). */
  private static int pivotDepth(String source) {
    int at = source.indexOf("/./");
    if (at < 0) {
      return 0;
    }
    int depth = 0;
    for (String part : source.substring(0, at).split("/")) {
      if (part.equals("..")) {
        depth = Math.max(0, depth - 1);
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return depth;
  }

  private static String keptPath(String name, int pivot) {
    String[] parts = name.isEmpty() ? new String[0] : name.split("/");
    return String.join("/", List.of(parts).subList(Math.min(pivot, parts.length), parts.length));
  }

  /** Where a --parents source goes: its kept path under the destination directory. */
  private static Path keptDestination(Path destDir, String kept) {
    return kept.isEmpty() ? destDir : destDir.resolve(kept);
  }

  private boolean skipped(Path source) {
    boolean directory = Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS);
    if (currentSource != null && source.startsWith(currentSource)) {
      String rel = currentSource.relativize(source).toString();
      if (excludes.test(rel) && !(excludes.hasExceptions() && directory)) {
        return true;
      }
    }
    if (!source.startsWith(sourceRoot)) {
      return false;
    }
    String rel = sourceRoot.relativize(source).toString();
    if (!ignore.test(rel)) {
      return false;
    }
    // an excluded directory is entered (and created) only for what an exception includes below it
    return !(ignore.hasExceptions() && directory && includesSomethingBelow(source));
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
