package dev.kaniko.core.build;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one build's time went, for the report: totals per phase (push permission check, pull,
 * extract, snapshot, layer write, push) and the time of each instruction. Thread-safe; phases may overlap each other.
 */
public final class BuildTimings {
  /** Phase names, in report order. */
  public static final String PUSH_CHECK = "pushCheck";
  public static final String PULL = "pull";
  public static final String EXTRACT = "extract";
  public static final String SNAPSHOT = "snapshot";
  public static final String LAYER_WRITE = "layerWrite";
  public static final String PUSH = "push";

  /** One instruction: when it started and its wall time (its snapshot and layer write included). */
  public record InstructionTime(int stage, String instruction, Instant started,
      Duration duration) {}

  /** Work to time. */
  @FunctionalInterface
  public interface Timed<T, E extends Exception> {
    T run() throws E;
  }

  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private final List<InstructionTime> instructions = new ArrayList<>();

  public BuildTimings() {
    for (String phase : List.of(PUSH_CHECK, PULL, EXTRACT, SNAPSHOT, LAYER_WRITE, PUSH)) {
      nanos.put(phase, 0L);
    }
  }

  /** Runs {@code work} and adds its wall time to {@code phase}. */
  public <T, E extends Exception> T time(String phase, Timed<T, E> work) throws E {
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      add(phase, System.nanoTime() - start);
    }
  }

  /** Adds {@code elapsedNanos} to {@code phase}. */
  public synchronized void add(String phase, long elapsedNanos) {
    nanos.merge(phase, elapsedNanos, Long::sum);
  }

  /** Records one instruction of stage {@code stage}, started at {@code started}. */
  public synchronized void instruction(int stage, String instruction, Instant started,
      long elapsedNanos) {
    instructions.add(
        new InstructionTime(stage, instruction, started, Duration.ofNanos(elapsedNanos)));
  }

  /** The phase totals, in report order. */
  public synchronized Map<String, Duration> phases() {
    Map<String, Duration> copy = new LinkedHashMap<>();
    nanos.forEach((phase, n) -> copy.put(phase, Duration.ofNanos(n)));
    return copy;
  }

  /** The instructions in the order they ran. */
  public synchronized List<InstructionTime> instructions() {
    return List.copyOf(instructions);
  }
}
