package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuildTimingsTest {

  @Test
  void phases_listEveryPhaseInReportOrder_evenUntimedOnes() {
    assertThat(new BuildTimings().phases().keySet()).containsExactly("pushCheck", "pull",
        "extract", "snapshot", "layerWrite", "push");
  }

  @Test
  void add_sumsEachPhase() {
    BuildTimings timings = new BuildTimings();

    timings.add(BuildTimings.PULL, 2_000_000);
    timings.add(BuildTimings.PULL, 3_000_000);

    assertThat(timings.phases().get("pull")).isEqualTo(Duration.ofMillis(5));
    assertThat(timings.phases().get("push")).isZero();
  }

  @Test
  void time_countsWorkThatThrows_andRethrows() throws Exception {
    BuildTimings timings = new BuildTimings();

    assertThat(timings.time(BuildTimings.SNAPSHOT, () -> {
      Thread.sleep(5);
      return "done";
    })).isEqualTo("done");
    assertThatThrownBy(() -> timings.time(BuildTimings.SNAPSHOT, () -> {
      Thread.sleep(5);
      throw new IOException("disk");
    })).isInstanceOf(IOException.class).hasMessage("disk");

    assertThat(timings.phases().get("snapshot")).isGreaterThanOrEqualTo(Duration.ofMillis(10));
  }

  @Test
  void instructions_keepTheOrderTheyRan() {
    BuildTimings timings = new BuildTimings();

    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    timings.instruction(0, "COPY a /", first, 1_000_000);
    timings.instruction(1, "RUN true", first.plusMillis(1), 4_000_000);

    assertThat(timings.instructions()).containsExactly(
        new BuildTimings.InstructionTime(0, "COPY a /", first, Duration.ofMillis(1)),
        new BuildTimings.InstructionTime(1, "RUN true", first.plusMillis(1),
            Duration.ofMillis(4)));
  }
}
