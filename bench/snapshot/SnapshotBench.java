import dev.kaniko.core.snapshot.PrefixIgnoringTreeView;
import dev.kaniko.core.snapshot.SnapshotMode;
import dev.kaniko.core.snapshot.TreeSnapshotStrategy;
import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.FileTreeView;
import dev.kaniko.spi.SnapshotStrategy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (not a test): per snapshot mode, the baseline time and the diff time after a one-file
 * change on generated root file systems of 10k and 100k files, plus the heap the recorded state keeps.
 *
 * <p>Usage: {@code bench/snapshot/run.sh [workDir] [parallelism...]}
 */
public final class SnapshotBench {

  private static final int FILES_PER_DIR = 50;
  private static final int ROUNDS = 5;

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "/tmp/kaniko-snapshot-bench");
    int[] parallelisms = args.length > 1
        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {1, 2};
    System.out.printf("cpus=%d  load average=%.1f  rounds=%d (median reported)  page cache warm%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ROUNDS);
    System.out.printf("%-8s %-8s %4s %12s %12s %12s %12s %10s%n",
        "files", "mode", "par", "baseline ms", "diff ms", "diff cpu ms", "no-op ms", "state MB");
    for (int files : new int[] {10_000, 100_000}) {
      Path root = generate(work.resolve("rootfs-" + files), files);
      FileTreeView view = new PrefixIgnoringTreeView(root, List.of("/proc"));
      if (files == 10_000) {
        warmUp(view);
      }
      for (SnapshotMode mode : SnapshotMode.values()) {
        for (int parallelism : parallelisms) {
          measure(files, mode, parallelism, root, view);
        }
      }
    }
  }

  private static void measure(int files, SnapshotMode mode, int parallelism, Path root, FileTreeView view)
      throws Exception {
    long heapBefore = usedHeap();
    SnapshotStrategy strategy = TreeSnapshotStrategy.of(mode, parallelism);
    long start = System.nanoTime();
    strategy.baseline(view);
    double baselineMs = (System.nanoTime() - start) / 1e6;
    double stateMb = (usedHeap() - heapBefore) / 1e6;
    List<Double> diffs = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> noops = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Path touched = root.resolve("d" + (round * 7 % 10) + "/d3/f" + round);
      Files.writeString(touched, "RUN echo " + round + " > file, in round " + round + " of the benchmark");
      long cpuStart = processCpuNanos();
      start = System.nanoTime();
      ChangeSet changes = strategy.diff(view, List.of());
      diffs.add((System.nanoTime() - start) / 1e6);
      cpu.add((processCpuNanos() - cpuStart) / 1e6);
      String expected = "/" + root.relativize(touched);
      if (!changes.changed().equals(java.util.Set.of(expected))) {
        throw new IllegalStateException(mode + " reported " + changes + ", expected " + expected);
      }
      start = System.nanoTime();
      strategy.diff(view, List.of());
      noops.add((System.nanoTime() - start) / 1e6);
    }
    System.out.printf("%-8d %-8s %4d %12.0f %12.1f %12.1f %12.1f %10.1f%n",
        files, mode.providerName(), parallelism, baselineMs, median(diffs), median(cpu), median(noops), stateMb);
  }

  /** One untimed round per mode, so the first figures do not include class loading and JIT. */
  private static void warmUp(FileTreeView view) throws Exception {
    for (SnapshotMode mode : SnapshotMode.values()) {
      SnapshotStrategy strategy = TreeSnapshotStrategy.of(mode, 1);
      strategy.baseline(view);
      strategy.diff(view, List.of());
    }
  }

  /** {@code d0..d9/d0..d9/fN}: 100 directories of equal size, small files of varied length. */
  private static Path generate(Path root, int files) throws IOException {
    Path done = root.resolve(".complete");
    if (Files.exists(done)) {
      return root;
    }
    int perDir = Math.max(1, files / 100);
    byte[] content = new byte[2048];
    Arrays.fill(content, (byte) 'x');
    for (int i = 0; i < files; i++) {
      Path dir = root.resolve("d" + (i / perDir / 10 % 10)).resolve("d" + (i / perDir % 10));
      Files.createDirectories(dir);
      Files.write(dir.resolve("f" + (i % perDir)), Arrays.copyOf(content, 64 + (i * 37) % 1900));
    }
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(done, "");
    return root;
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** CPU time of the whole process (all threads, user + system): less noisy than wall time on a busy host. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
