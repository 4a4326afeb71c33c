import dev.kaniko.core.image.Compression;
import dev.kaniko.core.image.LayerBlob;
import dev.kaniko.core.layer.LayerContents;
import dev.kaniko.core.layer.LayerOptions;
import dev.kaniko.core.layer.LayerWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Layer-writer benchmark (not a test). Usage:
 *   LayerBench generate DIR SIZE_MB      make a tree: a few big files plus many small ones
 *   LayerBench write DIR OUT gzip|zstd THREADS [LEVEL]
 * "write" prints one line: wall seconds, uncompressed MB/s, process CPU seconds (JVM start-up
 * and JIT included), peak RSS (VmHWM) in MB, tar and blob sizes.
 */
public final class LayerBench {
  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Long.parseLong(args[2]) << 20);
    } else if (args.length >= 5 && args[0].equals("write")) {
      write(Path.of(args[1]), Path.of(args[2]), Compression.parse(args[3]),
          Integer.parseInt(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : -1);
    } else {
      System.err.println("usage: LayerBench generate DIR SIZE_MB | write DIR OUT gzip|zstd THREADS [LEVEL]");
      System.exit(2);
    }
  }

  private static void write(Path root, Path out, Compression c, int threads, int level)
      throws Exception {
    LayerOptions options = LayerOptions.defaults(out).withCompression(c, level)
        .withThreads(threads);
    long start = System.nanoTime();
    LayerBlob blob = new LayerWriter(options).write(LayerContents.ofTree(root));
    double secs = (System.nanoTime() - start) / 1e9;
    double mb = blob.uncompressedSize() / 1048576.0;
    double cpu = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    System.out.printf("%6.2f s %7.1f MB/s  cpu %6.2f s  peak RSS %d MB  (%.0f MB -> %.0f MB)%n",
        secs, mb / secs, cpu, peakRssMb(), mb, blob.size() / 1048576.0);
    Files.delete(blob.path());
  }

  private static long peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** 70% in 8 MiB files (mixed random/text/zeros), 30% in 16 KiB source-like text files. */
  private static void generate(Path root, long bytes) throws Exception {
    Random random = new Random(1);
    long big = bytes * 7 / 10;
    int n = 0;
    for (long done = 0; done < big; done += 8 << 20, n++) {
      Path dir = Files.createDirectories(root.resolve("big/" + (n % 16)));
      fill(dir.resolve("blob" + n + ".bin"), Math.min(8 << 20, big - done), random, n % 3);
    }
    long small = bytes - big;
    int i = 0;
    for (long done = 0; done < small; done += 16 << 10, i++) {
      Path dir = Files.createDirectories(root.resolve("src/pkg" + (i / 200)));
      fill(dir.resolve("File" + i + ".java"), 16 << 10, random, 1);
    }
  }

  private static void fill(Path file, long size, Random random, int kind) throws Exception {
    byte[] chunk = new byte[64 << 10];
    byte[] text = ("public final class Example { int value = 42; /* comment */ }\n")
        .repeat(2000).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; ) {
        byte[] src;
        if (kind == 0) {
          random.nextBytes(chunk);
          src = chunk;
        } else if (kind == 1) {
          src = text;
          text[random.nextInt(text.length)] = (byte) ('a' + random.nextInt(26));
        } else {
          src = new byte[chunk.length];
        }
        int len = (int) Math.min(left, Math.min(src.length, chunk.length));
        out.write(src, 0, len);
        left -= len;
      }
    }
  }
}
