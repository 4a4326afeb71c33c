package dev.kaniko.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.image.Compression;
import dev.kaniko.core.image.LayerBlob;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a layer ten times larger than the heap in a child JVM: nothing may hold it whole. */
class LayerWriterMemoryIT {
  private static final long FILE_BYTES = 256L << 20;

  @TempDir Path tmp;

  /** Child JVM entry point: ROOT OUT COMPRESSION; prints the uncompressed size. */
  public static void main(String[] args) throws Exception {
    LayerOptions options = LayerOptions.defaults(Path.of(args[1]))
        .withCompression(Compression.parse(args[2]), 1);
    LayerBlob blob = new LayerWriter(options).write(LayerContents.ofTree(Path.of(args[0])));
    System.out.println(blob.uncompressedSize());
  }

  @Test
  void write_layerTenTimesTheHeapSucceedsInBothCompressions() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("sparse.bin").toFile(), "rw")) {
      f.setLength(FILE_BYTES);
    }
    for (String compression : List.of("gzip", "zstd")) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String out = Processes.run(null, List.of(java, "-Xmx24m",
          "-Dslf4j.internal.verbosity=ERROR",
          "-cp", System.getProperty("java.class.path"), LayerWriterMemoryIT.class.getName(),
          root.toString(), tmp.resolve("out-" + compression).toString(), compression));

      assertThat(Long.parseLong(out.strip())).as(compression).isGreaterThan(FILE_BYTES);
    }
  }
}
