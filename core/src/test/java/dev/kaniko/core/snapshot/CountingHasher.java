package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The real SHA-256 hasher, remembering every file it read. */
final class CountingHasher implements ContentHasher {

  final Queue<Path> read = new ConcurrentLinkedQueue<>();
  private final ContentHasher real = new Sha256ContentHasher();

  @Override
  public byte[] hash(Path file) throws IOException {
    read.add(file);
    return real.hash(file);
  }
}
