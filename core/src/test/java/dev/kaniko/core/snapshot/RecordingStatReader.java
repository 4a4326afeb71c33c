package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The real {@link UnixStatReader}, remembering every path it was asked about. */
final class RecordingStatReader implements StatReader {

  final Queue<Path> seen = new ConcurrentLinkedQueue<>();
  private final StatReader real = new UnixStatReader();

  @Override
  public FileStat lstat(Path path) throws IOException {
    seen.add(path);
    return real.lstat(path);
  }
}
