package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.BuildPlan;
import dev.kaniko.core.dockerfile.BuildPlanner;
import dev.kaniko.core.dockerfile.Dockerfile;
import dev.kaniko.core.dockerfile.VariableScope;
import dev.kaniko.core.dockerfile.instructions.ArgInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.image.ContainerConfig;
import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each metadata instruction's effect on the config, as docker applies it. */
class MetadataStepTest {

  /** Applies every instruction of a one-stage Dockerfile after FROM scratch. */
  private static StageState apply(String... lines) throws Exception {
    Dockerfile df = Dockerfile.parse("Dockerfile",
        "FROM scratch\n" + String.join("\n", lines) + "\n");
    Platform p = Platform.parse("linux/amd64");
    BuildPlan plan = new BuildPlanner(Map.of(), p, p).plan(df, Optional.empty(), false);
    StageState stage = new StageState(plan.target(), Path.of("/nonexistent"),
        plan.newScope(Map.of()), ImageConfig.scratch("linux", "amd64", null), List.of());
    for (Instruction i : plan.target().instructions()) {
      Instruction expanded = stage.scope.apply(i);
      if (!(expanded instanceof ArgInstruction)) {
        assertThat(MetadataStep.apply(expanded, stage)).as(i.keyword()).isTrue();
      }
    }
    return stage;
  }

  private static ContainerConfig config(String... lines) throws Exception {
    return apply(lines).config.build();
  }

  @Test
  void env_expandsAndReplacesInPlace() throws Exception {
    ContainerConfig c = config("ENV A=1 B=2", "ENV A=3 C=${B}x");
    assertThat(c.env()).containsExactly("PATH=" + VariableScope.DEFAULT_PATH, "A=3", "B=2",
        "C=2x");
  }

  @Test
  void label_expandsKeysAndValues() throws Exception {
    ContainerConfig c = config("ENV V=7", "LABEL \"k$V\"=\"v $V\" plain=x");
    assertThat(c.labels()).containsEntry("k7", "v 7").containsEntry("plain", "x");
  }

  @Test
  void expose_defaultsToTcpAndExpandsRanges() throws Exception {
    ContainerConfig c = config("EXPOSE 80 53/UDP 8000-8002/tcp");
    assertThat(c.exposedPorts()).containsExactly("53/udp", "80/tcp", "8000/tcp", "8001/tcp",
        "8002/tcp");
  }

  @Test
  void expose_rejectsABadProtocol() {
    assertThatThrownBy(() -> config("EXPOSE 80/foo"))
        .hasMessage("invalid protocol in EXPOSE 80/foo");
  }

  @Test
  void cmdAndEntrypoint_shellFormUsesTheShellInstruction() throws Exception {
    ContainerConfig c = config("CMD echo hi", "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]",
        "ENTRYPOINT exec run");
    assertThat(c.cmd()).containsExactly("/bin/sh", "-c", "echo hi");
    assertThat(c.entrypoint()).containsExactly("/bin/bash", "-eo", "pipefail", "-c", "exec run");
    assertThat(c.shell()).containsExactly("/bin/bash", "-eo", "pipefail", "-c");
  }

  @Test
  void entrypoint_resetsAnInheritedCmdButKeepsOneSetInTheStage() throws Exception {
    StageState stage = apply("ENTRYPOINT [\"/e\"]");
    stage.config.cmd(List.of("inherited"));
    stage.cmdSet = false;
    Dockerfile df = Dockerfile.parse("Dockerfile", "FROM scratch\nENTRYPOINT [\"/x\"]\n");
    MetadataStep.apply(df.stages().get(0).instructions().get(0), stage);
    assertThat(stage.config.build().cmd()).isNull();

    ContainerConfig kept = config("CMD [\"c\"]", "ENTRYPOINT [\"/e\"]");
    assertThat(kept.cmd()).containsExactly("c");
    assertThat(kept.entrypoint()).containsExactly("/e");
  }

  @Test
  void healthcheck_durationsInNanosAndNone() throws Exception {
    ContainerConfig c = config(
        "HEALTHCHECK --interval=1m30s --timeout=5s --retries=3 CMD curl -f http://x/");
    assertThat(c.healthcheck().test()).containsExactly("CMD-SHELL", "curl -f http://x/");
    assertThat(c.healthcheck().interval()).isEqualTo(90_000_000_000L);
    assertThat(c.healthcheck().timeout()).isEqualTo(5_000_000_000L);
    assertThat(c.healthcheck().retries()).isEqualTo(3);
    assertThat(c.healthcheck().startPeriod()).isNull();
    assertThat(config("HEALTHCHECK NONE").healthcheck().test()).containsExactly("NONE");
  }

  @Test
  void userVolumeStopsignalOnbuild() throws Exception {
    ContainerConfig c = config("ARG U=app", "USER $U:grp", "VOLUME [\"/a\", \"/b\"]",
        "STOPSIGNAL SIGKILL", "ONBUILD COPY . /src", "ONBUILD RUN make");
    assertThat(c.user()).isEqualTo("app:grp");
    assertThat(c.volumes()).containsExactly("/a", "/b");
    assertThat(c.stopSignal()).isEqualTo("SIGKILL");
    assertThat(c.onBuild()).containsExactly("COPY . /src", "RUN make");
  }

  @Test
  void arg_neverReachesTheConfigAndMaintainerSetsAuthor() throws Exception {
    StageState stage = apply("ARG SECRET=s3cr3t", "MAINTAINER Jane <jane@example.com>");
    assertThat(stage.config.build().env()).isNull();
    assertThat(stage.currentImage().author()).isEqualTo("Jane <jane@example.com>");
  }

  @Test
  void copyAndRun_areNotMetadata() throws Exception {
    Dockerfile df = Dockerfile.parse("Dockerfile", "FROM scratch\nCOPY a /\nRUN x\n");
    StageState stage = apply();
    for (Instruction i : df.stages().get(0).instructions()) {
      assertThat(MetadataStep.apply(i, stage)).isFalse();
    }
  }
}
