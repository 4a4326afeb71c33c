package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/** Digests a regular file's content; a seam so tests can count or forbid reads. */
@FunctionalInterface
public interface ContentHasher {

  /**
   * Reads a file once, streaming, and returns a digest of its bytes.
   *
   * @param file a regular file
   * @return the digest
   * @throws IOException if the file cannot be read
   */
  byte[] hash(Path file) throws IOException;
}
