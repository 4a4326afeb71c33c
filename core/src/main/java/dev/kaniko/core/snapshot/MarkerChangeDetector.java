package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * The {@code new-run} mode ({@code --use-new-run}): after every snapshot a marker file in the root
 * takes the file system's own timestamp; a path changed when its mtime or ctime is not older than
 * that marker. Nothing about a file is recorded but its existence and type.
 */
final class MarkerChangeDetector implements ChangeDetector {

  static final String MARKER_NAME = ".kaniko-snapshot-marker";
  private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2500);

  private final StatReader stats;
  private volatile long thresholdNanos = Long.MIN_VALUE;

  MarkerChangeDetector(StatReader stats) {
    this.stats = stats;
  }

  @Override
  public void record(Node node, Path file) {}

  @Override
  public boolean update(Node node, FileStat now, Path file) {
    return now.mtimeNanos() >= thresholdNanos || now.ctimeNanos() >= thresholdNanos;
  }

  /**
   * Writes the marker until the file system's clock ticks past the last change of this step, so every
   * later write carries a timestamp at or after the threshold and no earlier write does.
   */
  @Override
  public void stepBoundary(Path root) throws IOException {
    Path marker = root.resolve(MARKER_NAME);
    try {
      long first = touch(marker);
      long deadline = System.nanoTime() + MAX_WAIT_NANOS;
      long next = touch(marker);
      while (next <= first && System.nanoTime() < deadline) {
        sleepBriefly();
        next = touch(marker);
      }
      if (next <= first) {
        throw new IOException("file system clock under " + root + " did not advance within 2.5 s");
      }
      thresholdNanos = next;
    } finally {
      Files.deleteIfExists(marker);
    }
  }

  private long touch(Path marker) throws IOException {
    Files.write(marker, new byte[] {1}, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return stats.lstat(marker).mtimeNanos();
  }

  private static void sleepBriefly() throws IOException {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the file system clock", e);
    }
  }
}
