package dev.kaniko.core.cache;

import dev.kaniko.core.image.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Content digest of COPY/ADD sources for {@link CacheKeys}: for every file under each source, its
 * name (relative to a directory source; the file name of a file source), type, mode, uid, gid,
 * content sha256 or link target — never mtimes or where the context lives. Streams content;
 * links are not followed.
 */
public final class SourceDigester {
  /**
   * Digests the given sources (files, directories or symlinks), in the order given.
   *
   * @return {@code sha256:<hex>}
   * @throws IOException if a source cannot be read (a missing source is an error)
   */
  public String digest(List<Path> sources) throws IOException {
    MessageDigest digest = Digests.newMessageDigest("sha256");
    update(digest, "sources:" + sources.size());
    for (Path source : sources) {
      if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("cache key: source " + source + " does not exist");
      }
      // a directory's contents are named relative to it (its own name and location never count, as
      // COPY copies its contents); a file or link is named by its file name (COPY keeps it)
      Path absolute = source.toAbsolutePath().normalize();
      boolean dir = Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS);
      update(digest, dir ? "dir-source" : "file-source");
      for (Path file : walk(absolute)) {
        Path relative = dir ? absolute.relativize(file) : file.getFileName();
        entry(digest, relative == null ? Path.of("") : relative, file);
      }
    }
    return Digests.format("sha256", digest.digest());
  }

  /**
   * Digests the given paths under {@code root} one entry each (directories not walked): what a
   * COPY/ADD put into a rootfs, named relative to the root, with the same per-entry fields as
   * {@link #digest} (never mtimes).
   *
   * @param relativePaths paths relative to {@code root}, in any order (sorted here)
   * @return {@code sha256:<hex>}
   */
  public String digestEntries(Path root, List<String> relativePaths) throws IOException {
    MessageDigest digest = Digests.newMessageDigest("sha256");
    List<String> sorted = new ArrayList<>(relativePaths);
    sorted.sort(null);
    update(digest, "entries:" + sorted.size());
    for (String relative : sorted) {
      Path file = root.resolve(relative);
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        update(digest, relative);
        update(digest, "missing");
        continue;
      }
      entry(digest, Path.of(relative), file);
    }
    return Digests.format("sha256", digest.digest());
  }

  private static List<Path> walk(Path source) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      List<Path> sorted = new ArrayList<>(files.toList());
      sorted.sort((a, b) -> a.toString().compareTo(b.toString()));
      return sorted;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void entry(MessageDigest digest, Path relative, Path file) throws IOException {
    PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Map<String, Object> unix = Files.readAttributes(file, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
    String type = posix.isSymbolicLink() ? "link" : posix.isDirectory() ? "dir" : posix.isRegularFile() ? "file"
        : "other";
    update(digest, relative.toString().replace('\\', '/'));
    update(digest, type);
    update(digest, Integer.toOctalString(((Integer) unix.get("mode")) & 07777));
    update(digest, unix.get("uid") + ":" + unix.get("gid"));
    switch (type) {
      case "link" -> update(digest, Files.readSymbolicLink(file).toString());
      case "file" -> update(digest, Digests.sha256(file));
      default -> update(digest, "");
    }
  }

  private static void update(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    digest.update(bytes);
  }
}
