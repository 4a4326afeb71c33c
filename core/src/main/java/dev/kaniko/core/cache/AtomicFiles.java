package dev.kaniko.core.cache;

import dev.kaniko.core.image.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.UUID;

/** Temp-then-rename writes: a reader sees a complete file or none, never a partial one. */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target} through a temp file in {@code tmpDir}. */
  static void write(Path tmpDir, Path target, byte[] bytes) throws IOException {
    Path temp = tempFile(tmpDir);
    try {
      Files.write(temp, bytes);
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Streams {@code source} to {@code target}, checking its sha256 digest and size on the way.
   *
   * @throws IOException naming both digests when the bytes differ from {@code digest}
   */
  static void copyVerified(Path source, Path target, String digest, long size, Path tmpDir) throws IOException {
    Path temp = tempFile(tmpDir);
    try {
      MessageDigest md = Digests.newMessageDigest(Digests.algorithm(digest));
      long copied = 0;
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(temp)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          md.update(buffer, 0, n);
          out.write(buffer, 0, n);
          copied += n;
        }
      }
      String actual = Digests.format(Digests.algorithm(digest), md.digest());
      if (!actual.equals(digest) || copied != size) {
        throw new IOException("cache blob " + source + " has digest " + actual + " and size " + copied + " but the entry"
            + " says " + digest + " and " + size + "; refusing to store it");
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static Path tempFile(Path tmpDir) throws IOException {
    Files.createDirectories(tmpDir);
    return tmpDir.resolve("tmp-" + UUID.randomUUID());
  }

  static void move(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot store " + to + " atomically: " + e.getMessage(), e);
    }
  }

  /** {@code blobs/<alg>/<hex>} under {@code root}. */
  static Path blobPath(Path root, String digest) {
    int colon = digest.indexOf(':');
    if (colon < 0 || !digest.substring(colon + 1).matches("[0-9a-f]{32,128}")) {
      throw new IllegalArgumentException("invalid digest '" + digest + "'");
    }
    return root.resolve("blobs").resolve(digest.substring(0, colon)).resolve(digest.substring(colon + 1));
  }
}
