package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEnvironmentTest {
  private final ResolvedUser app = new ResolvedUser(1000, 1000, List.of(1000), "/home/app");

  @Test
  void of_secretEnv_overridesStageEnvAndBuildArgs() {
    RunCommand command = RunCommand.shell("x").env(java.util.List.of("TOKEN=stage"))
        .buildArgs(Map.of("TOKEN", "arg")).secretEnv(Map.of("TOKEN", "secret")).build();
    assertThat(RunEnvironment.of(command, app)).contains("TOKEN=secret").doesNotContain("TOKEN=stage", "TOKEN=arg");
  }

  @Test
  void of_noEnv_addsDockerPathAndUserHome() {
    assertThat(RunEnvironment.of(RunCommand.shell("x").build(), app))
        .containsExactly("PATH=" + RunEnvironment.DEFAULT_PATH, "HOME=/home/app");
  }

  @Test
  void of_stageEnvWinsOverBuildArgs_andKeepsPathAndHome() {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("A", "arg");
    args.put("B", "arg");
    RunCommand command = RunCommand.shell("x")
        .buildArgs(args)
        .env(List.of("B=env", "PATH=/bin", "HOME=/custom"))
        .build();

    assertThat(RunEnvironment.of(command, app)).containsExactly("A=arg", "B=env", "PATH=/bin", "HOME=/custom");
  }
}
