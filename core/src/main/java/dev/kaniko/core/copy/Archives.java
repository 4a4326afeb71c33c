package dev.kaniko.core.copy;

import dev.kaniko.core.extract.ExtractMode;
import dev.kaniko.core.extract.ExtractOptions;
import dev.kaniko.core.extract.TarExtractor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * ADD's local archives: tar, plain or gzip, bzip2, xz or zstd compressed, recognised by their
 * first bytes, extracted safely into a scratch dir.
 */
final class Archives {
  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final byte[] BZIP2 = "BZh".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
  private static final byte[] USTAR = "ustar".getBytes(StandardCharsets.US_ASCII);

  private Archives() {}

  /** Whether {@code file} is a regular file holding a tar archive (plain, gzip, zstd, bzip2, xz). */
  static boolean isArchive(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    byte[] head = new byte[512];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    return startsWith(head, n, GZIP) || startsWith(head, n, ZSTD) || startsWith(head, n, BZIP2)
        || startsWith(head, n, XZ)
        || (n >= 262 && Arrays.equals(head, 257, 262, USTAR, 0, USTAR.length));
  }

  /** Extracts {@code archive} into a new directory under {@code scratch} and returns it. */
  static Path extract(Path archive, Path scratch) throws IOException, CopyException {
    Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "add-");
    try (InputStream in = decompressed(archive)) {
      new TarExtractor(ExtractOptions.builder(ExtractMode.CONTEXT).applyOwnership(true).build())
          .extract(in, dir);
    } catch (IOException e) {
      throw new CopyException("cannot extract " + archive.getFileName() + ": " + e.getMessage());
    }
    return dir;
  }

  /**
   * The archive's bytes, bzip2 and xz decompressed here (the layer extractor accepts only the
   * compressions of image layers: plain, gzip and zstd, which it detects itself).
   */
  private static InputStream decompressed(Path archive) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
    byte[] head = new byte[XZ.length];
    in.mark(head.length);
    int n = in.readNBytes(head, 0, head.length);
    in.reset();
    try {
      if (startsWith(head, n, BZIP2)) {
        return new BZip2CompressorInputStream(in, true);
      }
      if (startsWith(head, n, XZ)) {
        return new XZCompressorInputStream(in, true);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return in;
  }

  private static boolean startsWith(byte[] head, int n, byte[] magic) {
    return n >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }
}
