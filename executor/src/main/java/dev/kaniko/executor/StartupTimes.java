package dev.kaniko.executor;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The executor's own start-up phases for the build report: JVM start to {@code main}, plugin
 * loading, context fetch, and {@code main} to the build's start. Thread-safe.
 */
final class StartupTimes {
  private final OptionalLong mainEnteredMillis;
  private final Map<String, Long> millis = new LinkedHashMap<>();

  /** @param mainEnteredMillis wall-clock millis when {@code main} began, if known */
  StartupTimes(OptionalLong mainEnteredMillis) {
    this.mainEnteredMillis = mainEnteredMillis;
  }

  /** Times nothing before the build (tests, embedders). */
  static StartupTimes none() {
    return new StartupTimes(OptionalLong.empty());
  }

  /** Adds {@code elapsedNanos} to {@code phase}. */
  synchronized void add(String phase, long elapsedNanos) {
    millis.merge(phase, elapsedNanos / 1_000_000, Long::sum);
  }

  /** Marks the build's start: {@code mainToBuild} is the time since {@code main} began. */
  synchronized void buildStarts(long nowMillis) {
    mainEnteredMillis.ifPresent(main -> millis.put("mainToBuild", nowMillis - main));
  }

  /**
   * The phases in millis; {@code jvmStartToMain} and {@code jvmStartToFirstInstruction} from the
   * JVM's start time (read only here, so that builds without {@code --report} do not load the
   * management classes).
   */
  synchronized Map<String, Long> toMap(Optional<Instant> firstInstruction) {
    Map<String, Long> all = new LinkedHashMap<>();
    if (mainEnteredMillis.isPresent()) {
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      all.put("jvmStartToMain", mainEnteredMillis.getAsLong() - jvmStart);
      all.putAll(millis);
      firstInstruction.ifPresent(first ->
          all.put("jvmStartToFirstInstruction", first.toEpochMilli() - jvmStart));
    } else {
      all.putAll(millis);
    }
    return all;
  }
}
