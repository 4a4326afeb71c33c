package dev.kaniko.core.layer;

import com.github.luben.zstd.ZstdOutputStream;
import dev.kaniko.core.image.Compression;
import dev.kaniko.core.image.DigestingOutputStream;
import dev.kaniko.core.image.LayerBlob;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one layer: the tar of {@link LayerContents}, compressed and digested in one streaming
 * pass to a temp file. Memory use does not depend on the layer's size.
 */
public final class LayerWriter {
  private static final Logger LOG = LoggerFactory.getLogger(LayerWriter.class);
  private static final int TAR_BUFFER = 256 * 1024;

  private final LayerOptions options;
  private final XattrReader xattrs;

  /** A writer reading xattrs with the system reader. */
  public LayerWriter(LayerOptions options) {
    this(options, XattrReader.system());
  }

  /** A writer with an explicit xattr source (tests, file systems without xattrs). */
  public LayerWriter(LayerOptions options, XattrReader xattrs) {
    this.options = Objects.requireNonNull(options, "options");
    this.xattrs = Objects.requireNonNull(xattrs, "xattrs");
  }

  /** Writes the layer to a new temp file in {@code options.tempDir()}; the caller owns the file. */
  public LayerBlob write(LayerContents contents) throws IOException {
    List<PlannedEntry> entries = new EntryPlanner().plan(contents);
    Files.createDirectories(options.tempDir());
    Path target = Files.createTempFile(options.tempDir(), "layer-", suffix());
    try {
      long start = System.nanoTime();
      LayerBlob blob = writeTo(target, contents.root(), entries);
      LOG.debug("wrote layer {} ({} entries, {} bytes, {} uncompressed, diffID {}) in {} ms",
          blob.digest(), entries.size(), blob.size(), blob.uncompressedSize(), blob.diffId(),
          (System.nanoTime() - start) / 1_000_000);
      return blob;
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }

  private LayerBlob writeTo(Path target, Path root, List<PlannedEntry> entries)
      throws IOException {
    DigestingOutputStream compressed;
    DigestingOutputStream uncompressed;
    try (OutputStream file = Files.newOutputStream(target)) {
      compressed = new DigestingOutputStream(new BufferedOutputStream(file, TAR_BUFFER));
      uncompressed = new DigestingOutputStream(compressor(compressed));
      try (TarArchiveOutputStream tar = newTar(new BufferedOutputStream(uncompressed, TAR_BUFFER))) {
        TarEntryWriter writer = new TarEntryWriter(tar, root, xattrs, options.reproducible());
        for (PlannedEntry entry : entries) {
          writer.write(entry);
        }
        tar.finish();
      }
    }
    return new LayerBlob(target, options.compression().ociMediaType(), compressed.digest(),
        uncompressed.digest(), compressed.count(), uncompressed.count());
  }

  private static TarArchiveOutputStream newTar(OutputStream out) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 512, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
    tar.setAddPaxHeadersForNonAsciiNames(false);
    return tar;
  }

  private OutputStream compressor(OutputStream sink) throws IOException {
    switch (options.compression()) {
      case GZIP:
        return new ParallelGzipOutputStream(
            sink, options.level(), options.threads(), options.blockSize());
      case ZSTD: {
        ZstdOutputStream z = new ZstdOutputStream(sink, options.level() == -1 ? 3 : options.level());
        // Always >= 1 worker: zstd output is the same for any worker count >= 1, so digests
        // do not depend on the machine's core count.
        z.setWorkers(Math.max(1, options.threads()));
        return z;
      }
      default:
        throw new IllegalStateException("unhandled compression " + options.compression());
    }
  }

  private String suffix() {
    return options.compression() == Compression.GZIP ? ".tar.gz" : ".tar.zst";
  }
}
