package dev.kaniko.core.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Detects gzip, zstd or plain tar by magic bytes and returns the decompressed stream. */
final class Compression {
  private static final int BUFFER = 64 * 1024;

  private Compression() {}

  static InputStream decompress(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(6);
    byte[] magic = buffered.readNBytes(6);
    buffered.reset();
    if (startsWith(magic, 0x1f, 0x8b)) {
      return new GzipCompressorInputStream(buffered, true);
    }
    if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
      return new ZstdCompressorInputStream(buffered);
    }
    if (startsWith(magic, 'B', 'Z', 'h') || startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0)) {
      throw new IOException("unsupported compression (bzip2/xz): only plain, gzip and zstd tar"
          + " streams can be extracted");
    }
    return buffered;
  }

  private static boolean startsWith(byte[] data, int... expected) {
    if (data.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((data[i] & 0xff) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
