package dev.kaniko.core.layer;

import dev.kaniko.core.image.Compression;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a layer is written: compression and level (-1 = default), reproducible timestamps, where
 * temp files go, and how many threads and how big a block parallel gzip uses.
 */
public record LayerOptions(
    Compression compression,
    int level,
    boolean reproducible,
    Path tempDir,
    int threads,
    int blockSize) {

  /** Default parallel gzip block (1 MiB of uncompressed tar per task). */
  public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

  public LayerOptions {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(tempDir, "tempDir");
    compression.checkLevel(level);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (blockSize < 64 * 1024) {
      throw new IllegalArgumentException("blockSize must be >= 64 KiB, got " + blockSize);
    }
  }

  /** gzip, default level, not reproducible, temp files in {@code tempDir}, one thread per core. */
  public static LayerOptions defaults(Path tempDir) {
    return new LayerOptions(
        Compression.GZIP, -1, false, tempDir,
        Runtime.getRuntime().availableProcessors(), DEFAULT_BLOCK_SIZE);
  }

  public LayerOptions withCompression(Compression c, int lvl) {
    return new LayerOptions(c, lvl, reproducible, tempDir, threads, blockSize);
  }

  public LayerOptions withReproducible(boolean r) {
    return new LayerOptions(compression, level, r, tempDir, threads, blockSize);
  }

  public LayerOptions withThreads(int t) {
    return new LayerOptions(compression, level, reproducible, tempDir, t, blockSize);
  }

  public LayerOptions withBlockSize(int b) {
    return new LayerOptions(compression, level, reproducible, tempDir, threads, b);
  }
}
