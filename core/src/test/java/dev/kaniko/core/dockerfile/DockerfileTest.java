package dev.kaniko.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.instructions.OnbuildInstruction;
import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a Dockerfile into global ARGs and stages, and the whole-file errors. */
class DockerfileTest {

  @Test
  void parse_splitsGlobalArgsAndStages() throws Exception {
    Dockerfile df = Dockerfile.parse("Dockerfile",
        "ARG A=1\nARG B\nFROM x AS One\nRUN a\nFROM y\nRUN b\nRUN c\n");
    assertThat(df.globalArgs()).hasSize(2);
    assertThat(df.stages()).extracting(Stage::index).containsExactly(0, 1);
    assertThat(df.stages().get(0).name()).contains("one");
    assertThat(df.stages().get(1).name()).isEmpty();
    assertThat(df.stages().get(1).displayName()).isEqualTo("stage-1");
    assertThat(df.stages().get(1).instructions()).hasSize(2);
    assertThat(df.stage("ONE")).map(Stage::index).contains(0);
  }

  @Test
  void parse_fromReader() throws Exception {
    Dockerfile df = Dockerfile.parse("Dockerfile", new StringReader("FROM a\nRUN b\n"));
    assertThat(df.stages().get(0).instructions()).singleElement()
        .isInstanceOf(RunInstruction.class);
  }

  @Test
  void duplicateStageName_isAnErrorOnTheSecondFrom() {
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile",
        "FROM a AS build\nFROM b AS Build\n"))
        .isInstanceOf(DockerfileException.class)
        .hasMessage("Dockerfile:2: duplicate stage name \"build\" (already used by stage 0)");
  }

  @Test
  void instructionBeforeFrom_isAnError() {
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "ARG A\nRUN echo\nFROM a\n"))
        .hasMessage("Dockerfile:2: RUN before the first FROM: a Dockerfile must start with FROM"
            + " (only ARG and parser directives may come before it)");
  }

  @Test
  void onlyArgs_isMissingFrom() {
    assertThatThrownBy(() -> Dockerfile.parse("Dockerfile", "ARG A\n\nARG B\n"))
        .hasMessage("Dockerfile:3: no FROM instruction: the Dockerfile contains no stages to"
            + " build");
  }

  @Test
  void argAfterFrom_belongsToTheStage() throws Exception {
    Dockerfile df = Dockerfile.parse("Dockerfile", "FROM a\nARG X\n");
    assertThat(df.globalArgs()).isEmpty();
    assertThat(df.stages().get(0).instructions()).hasSize(1);
  }

  @Test
  void onbuildTriggers_fromBaseImageAreSplicedFirstWithTheFromLine() throws Exception {
    Dockerfile df = Dockerfile.parse("Dockerfile", "\nFROM base\nRUN own\n");
    List<?> spliced = OnbuildTriggers.splice(df.stages().get(0),
        List.of("RUN echo trigger", "COPY . /app"), "Dockerfile");
    assertThat(spliced).hasSize(3);
    RunInstruction trigger = (RunInstruction) spliced.get(0);
    assertThat(trigger.command()).containsExactly("echo trigger");
    assertThat(trigger.line()).isEqualTo(2);
    assertThat(((RunInstruction) spliced.get(2)).command()).containsExactly("own");
  }

  @Test
  void onbuildTriggers_forbiddenOrBrokenAreErrorsOnTheFromLine() throws Exception {
    Stage stage = Dockerfile.parse("Dockerfile", "FROM base\n").stages().get(0);
    assertThatThrownBy(() -> OnbuildTriggers.splice(stage, List.of("FROM x"), "Dockerfile"))
        .hasMessage("Dockerfile:1: FROM isn't allowed as an ONBUILD trigger (from the base"
            + " image)");
    assertThatThrownBy(() -> OnbuildTriggers.splice(stage, List.of("RUN a\nRUN b"), "Dockerfile"))
        .hasMessageStartingWith("Dockerfile:1: onbuild trigger should be a single expression");
    assertThatThrownBy(() -> OnbuildTriggers.splice(stage, List.of("BLAH x"), "Dockerfile"))
        .hasMessageStartingWith("Dockerfile:1: unknown instruction: BLAH");
  }

  @Test
  void onbuildDeclared_areCollectedInOrder() throws Exception {
    Stage stage = Dockerfile.parse("Dockerfile", "FROM a\nONBUILD RUN 1\nRUN x\nONBUILD RUN 2\n")
        .stages().get(0);
    assertThat(OnbuildTriggers.declaredIn(stage.instructions())).containsExactly("RUN 1", "RUN 2");
    assertThat(stage.instructions().get(0)).isInstanceOf(OnbuildInstruction.class);
  }
}
