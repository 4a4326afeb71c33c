package dev.kaniko.core.copy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the files a COPY source names under a root (the build context or a stage's rootfs):
 * plain paths and Go-style wildcards, symlinks followed within the root, never outside it.
 */
final class SourceResolver {
  private final Path root;
  private final String rootName;
  private final DockerIgnore ignore;
  private final boolean doubleStar;

  SourceResolver(Path root, String rootName, DockerIgnore ignore) {
    this(root, rootName, ignore, false);
  }

  /** @param doubleStar whether a {@code **} component matches any number of directories */
  SourceResolver(Path root, String rootName, DockerIgnore ignore, boolean doubleStar) {
    this.root = root;
    this.rootName = rootName;
    this.ignore = ignore;
    this.doubleStar = doubleStar;
  }

  /** A matched source: its cleaned path relative to the root and the file (symlinks followed). */
  record Match(String name, Path path) {}

  /** The matched files, each as a path under the root (final symlinks followed), sorted. */
  List<Path> resolve(String source) throws IOException, CopyException {
    return matches(source).stream().map(Match::path).toList();
  }

  /** The matched sources with their names relative to the root, sorted. */
  List<Match> matches(String source) throws IOException, CopyException {
    List<String> parts = clean(source);
    if (!GoPattern.hasMeta(source)) {
      String name = String.join("/", parts);
      Path resolved = ChrootPath.resolve(root, name, true);
      if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
        throw new CopyException("source " + source + " not found in " + rootName);
      }
      if (ignore.test(name) && !Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS)) {
        throw new CopyException("source " + source + " is excluded by .dockerignore");
      }
      return List.of(new Match(name, resolved));
    }
    List<String> matches = new ArrayList<>(List.of(""));
    for (String part : parts) {
      matches = step(matches, part);
    }
    List<Match> resolved = new ArrayList<>();
    for (String m : new java.util.LinkedHashSet<>(matches)) {
      Path p = ChrootPath.resolve(root, m, true);
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
          && (!ignore.test(m) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
        resolved.add(new Match(m, p));
      }
    }
    if (resolved.isEmpty()) {
      throw new CopyException("no source files match " + source + " in " + rootName);
    }
    return resolved;
  }

  private List<String> step(List<String> dirs, String part) throws IOException, CopyException {
    List<String> next = new ArrayList<>();
    if (doubleStar && part.equals("**")) {
      for (String d : dirs) {
        descendants(d, next);
      }
      return next;
    }
    if (!GoPattern.hasMeta(part)) {
      for (String d : dirs) {
        next.add(d.isEmpty() ? part : d + "/" + part);
      }
      return next;
    }
    GoPattern pattern;
    try {
      pattern = GoPattern.compile(part);
    } catch (IllegalArgumentException e) {
      throw new CopyException(e.getMessage());
    }
    for (String d : dirs) {
      Path dir = ChrootPath.resolve(root, d, true);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
        children.forEach(c -> names.add(c.getFileName().toString()));
      }
      names.sort(null);
      for (String name : names) {
        if (pattern.matches(name)) {
          next.add(d.isEmpty() ? name : d + "/" + name);
        }
      }
    }
    return next;
  }

  /** {@code dir} itself and every directory below it (symlinks not followed), sorted. */
  private void descendants(String dir, List<String> out) throws IOException {
    out.add(dir);
    Path path = ChrootPath.resolve(root, dir, true);
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
      for (Path c : children) {
        if (Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
          names.add(c.getFileName().toString());
        }
      }
    }
    names.sort(null);
    for (String name : names) {
      descendants(dir.isEmpty() ? name : dir + "/" + name, out);
    }
  }

  private List<String> clean(String source) throws CopyException {
    List<String> parts = new ArrayList<>();
    for (String p : source.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new CopyException("source " + source + " is outside " + rootName);
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return parts;
  }
}
