package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunCommandTest {
  @Test
  void failure_shellForm_hasKanikoWording() {
    RunFailedException e = new RunFailedException(RunCommand.shell("make all").line(12).build(), 2);

    assertThat(e).hasMessage("Dockerfile:12: RUN make all returned a non-zero code: 2");
  }

  @Test
  void failure_execForm_showsJsonArray() {
    RunFailedException e = new RunFailedException(RunCommand.exec(List.of("/bin/false", "a \"b\"")).line(3).build(), 1);

    assertThat(e).hasMessage("Dockerfile:3: RUN [\"/bin/false\",\"a \\\"b\\\"\"] returned a non-zero code: 1");
  }

  @Test
  void failure_unknownLine_omitsLocation_andStaysOnOneLine() {
    RunFailedException e = new RunFailedException(RunCommand.shell("a\nb").build(), 5);

    assertThat(e).hasMessage("RUN a b returned a non-zero code: 5");
  }

  @Test
  void toString_neverShowsBuildArgOrEnvValues() {
    RunCommand command = RunCommand.shell("deploy")
        .env(List.of("API_TOKEN=s3cr3t-env"))
        .buildArgs(Map.of("PASSWORD", "s3cr3t-arg"))
        .build();

    assertThat(command.toString()).contains("API_TOKEN", "PASSWORD").doesNotContain("s3cr3t");
  }

  @Test
  void toString_namesSecretEnvAndMountsButNeverSecretValues() {
    RunCommand command = RunCommand.shell("deploy")
        .secretEnv(Map.of("NPM_TOKEN", "s3cr3t-mounted"))
        .mounts(List.of(RunMount.tmpfs("/t", "size=1m")))
        .isolatedNetwork(true)
        .build();

    assertThat(command.toString()).contains("NPM_TOKEN", "/t", "isolatedNetwork=true")
        .doesNotContain("s3cr3t");
    assertThat(command.secretEnv()).containsEntry("NPM_TOKEN", "s3cr3t-mounted");
  }

  @Test
  void build_heredocWithExecForm_isRejected() {
    assertThatThrownBy(() -> RunCommand.exec(List.of("cat")).heredoc(new Heredoc("EOF", "x\n", false)).build())
        .hasMessageContaining("shell form");
  }

  @Test
  void build_relativeWorkdirOrBadEnv_isRejected() {
    assertThatThrownBy(() -> RunCommand.shell("x").workdir("rel")).hasMessageContaining("absolute");
    assertThatThrownBy(() -> RunCommand.shell("x").env(List.of("NOEQUALS"))).hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> RunCommand.exec(List.of())).hasMessageContaining("at least one");
  }

  @Test
  void heredoc_nameWithSlash_isRejected() {
    assertThatThrownBy(() -> RunCommand.shell("<<a/b").heredoc(new Heredoc("a/b", "", false)))
        .hasMessageContaining("invalid heredoc name");
  }
}
