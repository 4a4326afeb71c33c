package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compression detection, streaming of large entries, counts and stream ownership. */
class TarExtractorStreamTest {
  @TempDir Path base;

  private static byte[] sample() {
    return new TestTar().dir("d/").file("d/a", "alpha").file("d/b", "beta!").symlink("s", "d/a")
        .hardlink("h", "d/a").file(".wh.gone", "").build();
  }

  private static byte[] compress(String kind, byte[] tar) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = switch (kind) {
      case "gzip" -> new GzipCompressorOutputStream(bytes);
      case "zstd" -> new ZstdCompressorOutputStream(bytes);
      case "bzip2" -> new BZip2CompressorOutputStream(bytes);
      default -> bytes;
    }) {
      out.write(tar);
    }
    return bytes.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "gzip", "zstd"})
  void extract_detectsCompressionByMagicBytes(String kind) throws IOException {
    Path reference = Files.createDirectory(base.resolve("reference"));
    Path root = Files.createDirectory(base.resolve(kind));
    TarExtractor extractor = new TarExtractor(ExtractOptions.layer());
    extractor.extract(new ByteArrayInputStream(sample()), reference);

    ExtractResult result = extractor.extract(new ByteArrayInputStream(compress(kind, sample())), root);

    Map<String, String> expected = Sandbox.fingerprintTree(reference);
    assertThat(Sandbox.fingerprintTree(root).keySet()).isEqualTo(expected.keySet());
    assertThat(Files.readString(root.resolve("h"))).isEqualTo("alpha");
    assertThat(result).isEqualTo(new ExtractResult(6, 2, 1, 1, 1, 0, 1, 0, 0, 10, 0));
  }

  @Test
  void extract_rejectsBzip2WithClearMessage() throws IOException {
    byte[] data = compress("bzip2", sample());

    assertThatThrownBy(() -> new TarExtractor(ExtractOptions.layer())
        .extract(new ByteArrayInputStream(data), base))
        .hasMessage("unsupported compression (bzip2/xz): only plain, gzip and zstd tar streams can"
            + " be extracted");
  }

  @Test
  void extract_streamsLargeEntriesWithoutHoldingThem() throws IOException {
    long size = 64L * 1024 * 1024 + 7;
    InputStream tar = new GeneratedTar("big.bin", size);

    ExtractResult result = new TarExtractor(ExtractOptions.layer()).extract(tar, base);

    assertThat(Files.size(base.resolve("big.bin"))).isEqualTo(size);
    assertThat(result.bytes()).isEqualTo(size);
  }

  @Test
  void extract_leavesTheCallersStreamOpen() throws IOException {
    boolean[] closed = {false};
    InputStream in = new FilterInputStream(new ByteArrayInputStream(compress("gzip", sample()))) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };

    new TarExtractor(ExtractOptions.layer()).extract(in, base);

    assertThat(closed[0]).isFalse();
  }

  @Test
  void extract_reportsTruncatedEntryData() {
    byte[] tar = new TestTar().file("f", "x".repeat(2000)).build();
    byte[] truncated = java.util.Arrays.copyOf(tar, 1536);

    assertThatThrownBy(() -> new TarExtractor(ExtractOptions.layer())
        .extract(new ByteArrayInputStream(truncated), base))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("f");
  }

  @Test
  void extract_acceptsArchiveWithoutEndBlocksLikeGo() throws IOException {
    byte[] tar = sample();
    byte[] noEnd = java.util.Arrays.copyOf(tar, 512 * 8);

    ExtractResult result = new TarExtractor(ExtractOptions.layer())
        .extract(new ByteArrayInputStream(noEnd), base);

    assertThat(result.entries()).isEqualTo(6);
  }

  @Test
  void extract_rejectsARootThatIsNotADirectory() throws IOException {
    Path file = Files.writeString(base.resolve("file"), "x");

    assertThatThrownBy(() -> new TarExtractor(ExtractOptions.layer())
        .extract(new ByteArrayInputStream(sample()), file))
        .hasMessageContaining("extraction root is not a directory");
  }

  @Test
  void extract_reportsTruncatedArchive() {
    byte[] tar = sample();
    byte[] truncated = java.util.Arrays.copyOf(tar, 700);

    assertThatThrownBy(() -> new TarExtractor(ExtractOptions.layer())
        .extract(new ByteArrayInputStream(truncated), base))
        .hasMessage("truncated tar archive: it ends inside a header record after 700 bytes");
  }
}
