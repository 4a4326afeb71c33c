package dev.kaniko.core.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams one tar (plain, gzip or zstd, detected by magic bytes) onto a root directory, never
 * writing outside it. See docs/extraction.md for the safety rules. Thread-safe (stateless).
 */
public final class TarExtractor {
  private static final int RECORD = 512;
  private final ExtractOptions options;
  private final LinuxCalls linux;

  public TarExtractor(ExtractOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.linux = new LinuxCalls();
  }

  /**
   * Applies the archive read from {@code in} onto {@code root} (an existing directory). The
   * stream is read up to the end of the archive and not closed. The first refused entry stops
   * extraction with an {@link ExtractionException} naming it; what was written before stays.
   */
  public ExtractResult extract(InputStream in, Path root) throws IOException {
    Path realRoot = root.toRealPath();
    if (!Files.isDirectory(realRoot)) {
      throw new IOException("extraction root is not a directory: " + root);
    }
    ExtractResult.Tally tally = new ExtractResult.Tally();
    Extraction extraction = new Extraction(realRoot, options, linux, tally);
    try (RawPaxTap data = new RawPaxTap(Compression.decompress(new NonClosing(in)));
        TarArchiveInputStream tar = new TarArchiveInputStream(data, "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        extraction.apply(entry, tar, data.currentRecords());
      }
      requireWholeRecords(data.count());
    }
    extraction.finish();
    return tally.toResult();
  }

  /**
   * commons-compress ends quietly at a partial header; like Go's archive/tar we call that a
   * truncated archive (an archive without its end-of-archive blocks is still accepted).
   */
  private static void requireWholeRecords(long bytes) throws IOException {
    if (bytes % RECORD != 0) {
      throw new IOException("truncated tar archive: it ends inside a header record after "
          + bytes + " bytes");
    }
  }

  @Override
  public String toString() {
    return "TarExtractor{" + options + "}";
  }

  /** Keeps the caller's stream open when the decompressor is closed. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }
}
