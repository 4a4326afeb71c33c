package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

  private final CommandRunner runner = CommandRunner.create();

  @Test
  void run_capturesOutputExitCodeAndStdin() {
    CommandResult result = runner.run(List.of("sh", "-c", "cat; echo err >&2; exit 3"), null, "in\n");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("in\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void runChecked_failure_namesCommandExitCodeAndStderr() {
    assertThatThrownBy(() -> runner.runChecked(List.of("sh", "-c", "echo broken pipe dream >&2; exit 7")))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exit code 7")
        .hasMessageContaining("sh -c")
        .hasMessageContaining("broken pipe dream")
        .satisfies(e -> assertThat(((CommandFailedException) e).exitCode()).isEqualTo(7));
  }

  @Test
  void runChecked_masksSecretsInTheMessage() {
    assertThatThrownBy(() -> runner.masking("hunter2").runChecked(List.of("sh", "-c", "echo hunter2 >&2; false")))
        .hasMessageContaining("****").hasMessageNotContaining("hunter2");
  }

  @Test
  void missingBinary_saysHowToInstall() {
    assertThatThrownBy(() -> runner.run(List.of("no-such-binary-kaniko")))
        .hasMessageContaining("no-such-binary-kaniko").hasMessageContaining("install-test-deps.sh");
  }

  @Test
  void timeout_killsTheCommand() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> runner.withTimeout(Duration.ofMillis(200)).run(List.of("sleep", "30")))
        .hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void withEnvironment_passesVariables() {
    assertThat(runner.withEnvironment(Map.of("KANIKO_T", "v")).runChecked(List.of("sh", "-c", "echo $KANIKO_T"))
        .stdout()).isEqualTo("v\n");
  }
}
