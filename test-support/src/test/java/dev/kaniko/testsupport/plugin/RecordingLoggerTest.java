package dev.kaniko.testsupport.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import org.junit.jupiter.api.Test;

class RecordingLoggerTest {

  @Test
  void log_keepsEveryLevelWithFormattedParametersAndThrowables() {
    RecordingLogger logger = new RecordingLogger();

    logger.log(Level.TRACE, "token for {0}", "registry.example");
    logger.log(Level.ERROR, "failed", new IllegalStateException("boom"));

    assertThat(logger.isLoggable(Level.TRACE)).isTrue();
    assertThat(logger.lines()).containsExactly(
        "TRACE token for registry.example", "ERROR failed java.lang.IllegalStateException: boom");
  }
}
