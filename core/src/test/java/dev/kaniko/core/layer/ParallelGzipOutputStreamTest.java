package dev.kaniko.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ParallelGzipOutputStreamTest {
  private static final int BLOCK = 64 * 1024;

  private static byte[] compress(byte[] data, int threads, int chunk) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, 6, threads, BLOCK)) {
      for (int off = 0; off < data.length; off += chunk) {
        gz.write(data, off, Math.min(chunk, data.length - off));
      }
    }
    return sink.toByteArray();
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static byte[] data(int size) {
    byte[] b = new byte[size];
    Random r = new Random(7);
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i % 3 == 0 ? r.nextInt() : 'a' + (i / 100) % 26);
    }
    return b;
  }

  @Test
  void compress_manyBlocksRoundTripsWithJdkReader() throws Exception {
    byte[] data = data(10 * BLOCK + 12345);

    assertThat(gunzip(compress(data, 3, 7777))).isEqualTo(data);
  }

  @Test
  void compress_outputIsIndependentOfThreadsAndWriteSizes() throws Exception {
    byte[] data = data(5 * BLOCK + 1);

    byte[] one = compress(data, 1, 100_000);
    assertThat(compress(data, 2, 1)).isEqualTo(one);
    assertThat(compress(data, 8, 4096)).isEqualTo(one);
  }

  @Test
  void compress_emptyAndExactBlockMultiples() throws Exception {
    assertThat(gunzip(compress(new byte[0], 2, 10))).isEmpty();
    byte[] exact = data(3 * BLOCK);
    assertThat(gunzip(compress(exact, 2, BLOCK))).isEqualTo(exact);
  }

  @Test
  void compress_dictionaryKeepsRatioCloseToSingleStream() throws Exception {
    byte[] text = "lorem ipsum dolor sit amet, consectetur adipiscing elit\n".repeat(20_000)
        .getBytes();
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(jdk)) {
      gz.write(text);
    }

    assertThat(compress(text, 2, 65536).length).isLessThan(jdk.size() * 2);
  }

  @Test
  void write_singleBytesWork() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, 1, 2, BLOCK)) {
      gz.write('h');
      gz.write('i');
    }
    assertThat(new String(gunzip(sink.toByteArray()))).isEqualTo("hi");
  }
}
