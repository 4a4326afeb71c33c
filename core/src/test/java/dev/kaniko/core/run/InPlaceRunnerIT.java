package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import dev.kaniko.testsupport.HostPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real commands in place, on this host's {@code /} (as the executor does inside its image). */
class InPlaceRunnerIT {
  private final InPlaceRunner runner = InPlaceRunner.forHost();
  private final List<String> output = new CopyOnWriteArrayList<>();

  @BeforeEach
  void needsRoot() {
    assumeThat(HostPlatform.isRoot()).as("switching users needs root").isTrue();
  }

  @Test
  void run_env_isExactlyTheGivenEnv() throws Exception {
    RunCommand command = RunCommand.exec(List.of("env")).env(List.of("FOO=bar"))
        .buildArgs(Map.of("ARG1", "x")).build();

    runner.run(command, output::add);

    assertThat(output).containsExactlyInAnyOrder("ARG1=x", "FOO=bar", "PATH=" + RunEnvironment.DEFAULT_PATH,
        "HOME=/root");
  }

  @Test
  void run_userByUid_switchesIdentity() throws Exception {
    runner.run(RunCommand.shell("id -u; id -g; id -G").user("65534:65534").build(), output::add);

    assertThat(output).containsExactly("65534", "65534", "65534");
  }

  @Test
  void run_workdir_isCreatedAndUsed(@TempDir Path tmp) throws Exception {
    String workdir = tmp.resolve("new/sub").toString();

    runner.run(RunCommand.shell("pwd").workdir(workdir).build(), output::add);

    assertThat(output).containsExactly(workdir);
    assertThat(Path.of(workdir)).isDirectory();
  }

  @Test
  void run_failure_reportsCodeAndLine() {
    assertThatThrownBy(() -> runner.run(RunCommand.shell("exit 42").line(5).build(), output::add))
        .isInstanceOf(RunFailedException.class)
        .hasMessage("Dockerfile:5: RUN exit 42 returned a non-zero code: 42");
  }

  @Test
  void run_shebangHeredoc_runsAndLeavesNoFile() throws Exception {
    RunCommand command = RunCommand.shell("<<EOF")
        .heredoc(new Heredoc("EOF", "#!/bin/sh\necho in-place script\n", false))
        .build();

    runner.run(command, output::add);

    assertThat(output).containsExactly("in-place script");
    try (Stream<Path> top = Files.list(Path.of("/"))) {
      assertThat(top.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".kaniko-run-"));
    }
  }
}
