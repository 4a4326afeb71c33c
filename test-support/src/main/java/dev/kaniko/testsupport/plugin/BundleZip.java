package dev.kaniko.testsupport.plugin;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A plugin bundle zip unpacked into a plugins directory, the way the executor's distribution holds it. */
public final class BundleZip {

  /** The system property failsafe sets to the module's own bundle zip. */
  public static final String PROPERTY = "kaniko.bundle.zip";

  private BundleZip() {}

  /** The zip named by {@link #PROPERTY}; fails with a clear message outside failsafe. */
  public static Path ofThisModule() {
    String zip = System.getProperty(PROPERTY);
    if (zip == null || zip.isBlank()) {
      throw new IllegalStateException("system property " + PROPERTY + " is not set: run this test through failsafe");
    }
    return Path.of(zip);
  }

  /** Unpacks {@code zip} below {@code target}; an entry that would land outside {@code target} fails. */
  public static void unpack(Path zip, Path target) throws IOException {
    try (FileSystem archive = FileSystems.newFileSystem(zip)) {
      Path root = archive.getPath("/");
      try (Stream<Path> entries = Files.walk(root)) {
        for (Path entry : entries.toList()) {
          copy(entry, target.resolve(root.relativize(entry).toString()).normalize(), target);
        }
      }
    }
  }

  private static void copy(Path entry, Path destination, Path target) throws IOException {
    if (!destination.startsWith(target.normalize())) {
      throw new IOException("zip entry outside the target: " + entry);
    }
    if (Files.isDirectory(entry)) {
      Files.createDirectories(destination);
    } else {
      Files.createDirectories(destination.getParent());
      Files.copy(entry, destination);
    }
  }
}
