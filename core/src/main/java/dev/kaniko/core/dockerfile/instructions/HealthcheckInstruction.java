package dev.kaniko.core.dockerfile.instructions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** HEALTHCHECK: the test ({@code NONE}, {@code CMD ...} or {@code CMD-SHELL cmd}) and its timings. */
public record HealthcheckInstruction(
    List<String> test,
    Optional<Duration> interval,
    Optional<Duration> timeout,
    Optional<Duration> startPeriod,
    Optional<Duration> startInterval,
    OptionalInt retries,
    Source source)
    implements Instruction {
  public HealthcheckInstruction {
    test = List.copyOf(test);
  }

  @Override
  public String keyword() {
    return "HEALTHCHECK";
  }
}
