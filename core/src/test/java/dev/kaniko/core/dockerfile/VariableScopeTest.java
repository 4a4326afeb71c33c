package dev.kaniko.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.instructions.AddInstruction;
import dev.kaniko.core.dockerfile.instructions.ArgDefinition;
import dev.kaniko.core.dockerfile.instructions.ArgInstruction;
import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.instructions.EnvInstruction;
import dev.kaniko.core.dockerfile.instructions.ExposeInstruction;
import dev.kaniko.core.dockerfile.instructions.InlineSource;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.KeyValue;
import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.dockerfile.instructions.UserInstruction;
import dev.kaniko.core.dockerfile.instructions.VolumeInstruction;
import dev.kaniko.core.dockerfile.instructions.WorkdirInstruction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ARG/ENV scoping and expansion, from the Dockerfile reference and BuildKit's dispatcher. */
class VariableScopeTest {

  private static Map<String, String> labels(String dockerfile, Map<String, String> buildArgs)
      throws DockerfileException {
    return ScopeFixture.run(dockerfile, buildArgs).labels;
  }

  private static Instruction expanded(String dockerfile, int index) throws DockerfileException {
    ScopeFixture f = ScopeFixture.run(dockerfile, Map.of());
    return f.expanded.get(f.plan.targetIndex()).get(index);
  }

  @Test
  void globalArg_isNotVisibleInsideStageWithoutRedeclaration() throws Exception {
    assertThat(labels("ARG V=1\nFROM scratch\nLABEL v=\"[$V]\"\n", Map.of()))
        .containsEntry("v", "[]");
  }

  @Test
  void globalArg_redeclaredWithoutValueTakesGlobalValue() throws Exception {
    assertThat(labels("ARG V=1\nFROM scratch\nARG V\nLABEL v=$V\n", Map.of()))
        .containsEntry("v", "1");
  }

  @Test
  void globalArg_redeclaredWithDefaultUsesStageDefault() throws Exception {
    assertThat(labels("ARG V=1\nFROM scratch\nARG V=2\nLABEL v=$V\n", Map.of()))
        .containsEntry("v", "2");
  }

  @Test
  void buildArg_overridesGlobalDefaultForRedeclaredArg() throws Exception {
    assertThat(labels("ARG V=1\nFROM scratch\nARG V\nLABEL v=$V\n", Map.of("V", "cli")))
        .containsEntry("v", "cli");
  }

  @Test
  void buildArg_overridesStageDefault() throws Exception {
    assertThat(labels("FROM scratch\nARG V=def\nLABEL v=$V\n", Map.of("V", "cli")))
        .containsEntry("v", "cli");
  }

  @Test
  void buildArg_isInvisibleWithoutArgDeclaration() throws Exception {
    assertThat(labels("FROM scratch\nLABEL v=\"[${V}]\"\n", Map.of("V", "cli")))
        .containsEntry("v", "[]");
  }

  @Test
  void arg_isVisibleOnlyAfterItsDeclaration() throws Exception {
    assertThat(labels("FROM scratch\nLABEL before=\"[$V]\"\nARG V=x\nLABEL after=$V\n", Map.of()))
        .containsEntry("before", "[]").containsEntry("after", "x");
  }

  @Test
  void arg_declaredWithoutValueIsUnset() throws Exception {
    assertThat(labels("FROM scratch\nARG V\nLABEL a=${V-unset} b=${V:-empty}\n", Map.of()))
        .containsEntry("a", "unset").containsEntry("b", "empty");
  }

  @Test
  void env_overridesEarlierArgOfSameName() throws Exception {
    assertThat(labels("FROM scratch\nARG V=arg\nENV V=env\nLABEL v=$V\n", Map.of("V", "cli")))
        .containsEntry("v", "env");
  }

  @Test
  void env_valueCanUseArg() throws Exception {
    assertThat(labels("FROM scratch\nARG VERSION=1.2\nENV APP_VERSION=v$VERSION\n"
        + "LABEL v=$APP_VERSION\n", Map.of())).containsEntry("v", "v1.2");
  }

  @Test
  void env_pairsOnOneLineSeeTheOldValues() throws Exception {
    assertThat(labels("FROM scratch\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n"
        + "LABEL def=$def ghi=$ghi\n", Map.of()))
        .containsEntry("def", "hello").containsEntry("ghi", "bye");
  }

  @Test
  void arg_definitionsOnOneLineSeeEarlierOnes() throws Exception {
    assertThat(labels("FROM scratch\nARG a=1 b=${a}2\nLABEL b=$b\n", Map.of()))
        .containsEntry("b", "12");
  }

  @Test
  void env_legacyFormKeepsSpaces() throws Exception {
    EnvInstruction env = (EnvInstruction) expanded("FROM scratch\nENV GREETING hello  world\n", 0);
    assertThat(env.variables()).containsExactly(new KeyValue("GREETING", "hello  world", true));
  }

  @Test
  void env_quotesAndEscapesAreRemovedByExpansion() throws Exception {
    EnvInstruction env = (EnvInstruction) expanded(
        "FROM scratch\nENV A=\"x y\" B=a\\ b C='$HOME'\n", 0);
    assertThat(env.variables()).extracting(KeyValue::value).containsExactly("x y", "a b", "$HOME");
  }

  @Test
  void envAndArg_reachRunEnvironmentButOnlyEnvReachesImage() throws Exception {
    VariableScope scope = ScopeFixture.run("FROM scratch\nARG A=1\nENV E=2\n", Map.of()).last();
    assertThat(scope.environment()).containsEntry("A", "1").containsEntry("E", "2");
    assertThat(scope.imageEnvironment()).containsEntry("E", "2").doesNotContainKey("A");
    assertThat(scope.declaredArgs()).containsEntry("A", Optional.of("1"));
  }

  @Test
  void baseImageEnv_isVisibleAndPathDefaultsWhenMissing() throws Exception {
    ScopeFixture withEnv = ScopeFixture.run("FROM golang\nWORKDIR $GOPATH/src\n", Map.of(),
        Map.of("GOPATH", "/go", "PATH", "/go/bin"));
    assertThat(((WorkdirInstruction) withEnv.expanded.get(0).get(0)).path())
        .isEqualTo("/go/src");
    assertThat(withEnv.last().environment()).containsEntry("PATH", "/go/bin");
    assertThat(ScopeFixture.run("FROM scratch\n", Map.of()).last().imageEnvironment())
        .containsEntry("PATH", VariableScope.DEFAULT_PATH);
  }

  @Test
  void proxyBuildArgs_reachRunWithoutDeclarationButNotExpansion() throws Exception {
    ScopeFixture f = ScopeFixture.run("FROM scratch\nLABEL p=\"[$HTTP_PROXY]\"\n",
        Map.of("HTTP_PROXY", "http://proxy:3128", "no_proxy", "localhost", "OTHER", "x"));
    assertThat(f.labels).containsEntry("p", "[]");
    assertThat(f.last().runEnvironment()).containsEntry("HTTP_PROXY", "http://proxy:3128")
        .containsEntry("no_proxy", "localhost").doesNotContainKey("OTHER");
    assertThat(f.last().imageEnvironment()).doesNotContainKey("HTTP_PROXY");
  }

  @Test
  void platformArgs_needDeclarationInsideStage() throws Exception {
    assertThat(labels("FROM scratch\nLABEL before=\"[$TARGETARCH]\"\nARG TARGETPLATFORM"
        + " TARGETARCH TARGETVARIANT BUILDPLATFORM\nLABEL p=$TARGETPLATFORM a=$TARGETARCH"
        + " v=$TARGETVARIANT b=$BUILDPLATFORM\n", Map.of()))
        .containsEntry("before", "[]").containsEntry("p", "linux/arm/v7")
        .containsEntry("a", "arm").containsEntry("v", "v7").containsEntry("b", "linux/amd64");
  }

  @Test
  void expose_expandsAndSplitsWords() throws Exception {
    ExposeInstruction expose = (ExposeInstruction) expanded(
        "FROM scratch\nENV PORTS=\"80 443/tcp\"\nEXPOSE $PORTS 8080\n", 1);
    assertThat(expose.ports()).containsExactly("80", "443/tcp", "8080");
  }

  @Test
  void copy_expandsSourcesDestinationChownButNotRunCommands() throws Exception {
    String df = "FROM scratch\nARG U=app\nENV D=/opt\nCOPY --chown=$U:$U ${D}.txt $D/\n"
        + "RUN echo $D\n";
    CopyInstruction copy = (CopyInstruction) expanded(df, 2);
    assertThat(copy.sources()).containsExactly("/opt.txt");
    assertThat(copy.destination()).isEqualTo("/opt/");
    assertThat(copy.chown()).contains("app:app");
    assertThat(((RunInstruction) expanded(df, 3)).command()).containsExactly("echo $D");
  }

  @Test
  void copy_heredocContentExpandsOnlyWhenDelimiterUnquoted() throws Exception {
    String df = "FROM scratch\nENV NAME=world\nCOPY <<a <<\"b\" /\nhi $NAME \"q\"\na\nhi $NAME\nb\n";
    CopyInstruction copy = (CopyInstruction) expanded(df, 1);
    assertThat(copy.inlineSources()).containsExactly(
        new InlineSource("a", "hi world \"q\"\n", true), new InlineSource("b", "hi $NAME\n", false));
  }

  @Test
  void add_checksumIsExpanded() throws Exception {
    AddInstruction add = (AddInstruction) expanded(
        "FROM scratch\nARG SUM=sha256:1234\nADD --checksum=$SUM https://x/y /y\n", 1);
    assertThat(add.checksum()).contains("sha256:1234");
  }

  @Test
  void userVolumeWorkdir_areExpanded() throws Exception {
    String df = "FROM scratch\nENV U=nobody V=/data W=/srv\nUSER $U\nVOLUME $V ${V}2\nWORKDIR $W\n";
    assertThat(((UserInstruction) expanded(df, 1)).user()).isEqualTo("nobody");
    assertThat(((VolumeInstruction) expanded(df, 2)).volumes()).containsExactly("/data", "/data2");
    assertThat(((WorkdirInstruction) expanded(df, 3)).path()).isEqualTo("/srv");
  }

  @Test
  void arg_resolvedValuesAreReported() throws Exception {
    ArgInstruction arg = (ArgInstruction) expanded("FROM scratch\nARG A B=$A-x\n", 0);
    assertThat(arg.args()).containsExactly(new ArgDefinition("A", Optional.empty()),
        new ArgDefinition("B", Optional.of("-x")));
  }

  @Test
  void stageFromStage_inheritsEnvAndArgs() throws Exception {
    assertThat(labels("FROM scratch AS base\nENV E=1\nARG A=2\nFROM base\nLABEL e=$E a=$A\n",
        Map.of())).containsEntry("e", "1").containsEntry("a", "2");
  }

  @Test
  void expansionError_isReportedWithLine() {
    assertThatThrownBy(() -> labels("FROM scratch\n\nLABEL v=${V:?required}\n", Map.of()))
        .isInstanceOf(DockerfileException.class)
        .hasMessageStartingWith("Dockerfile:3: ")
        .hasMessageContaining("required");
  }

  @Test
  void toString_doesNotPrintValues() throws Exception {
    VariableScope scope = ScopeFixture.run("FROM scratch\nARG TOKEN\n",
        Map.of("TOKEN", "s3cr3t")).last();
    assertThat(scope.toString()).contains("TOKEN").doesNotContain("s3cr3t");
  }

  @Test
  void resolvedArgsAndPlan_doNotPrintBuildArgValues() throws Exception {
    ScopeFixture f = ScopeFixture.run("FROM scratch\nARG TOKEN\n", Map.of("TOKEN", "s3cr3t"));
    assertThat(f.expanded.get(0).get(0).toString()).contains("TOKEN").doesNotContain("s3cr3t");
    assertThat(f.plan.toString()).contains("TOKEN").doesNotContain("s3cr3t");
  }

  @Test
  void runMounts_areExpanded() throws Exception {
    RunInstruction run = (RunInstruction) expanded(
        "FROM scratch\nARG CACHE=/root/.cache\nRUN --mount=type=cache,target=$CACHE make\n", 1);
    assertThat(run.mounts()).containsExactly("type=cache,target=/root/.cache");
  }

  @Test
  void lexerUsesTheEscapeDirective() throws Exception {
    EnvInstruction env = (EnvInstruction) expanded("# escape=`\nFROM scratch\nENV P=c:\\dir`$x\n",
        0);
    assertThat(env.variables()).extracting(KeyValue::value).containsExactly("c:\\dir$x");
  }

  @Test
  void unchangedInstructions_areReturnedAsIs() throws Exception {
    List<Instruction> out = ScopeFixture.run("FROM scratch\nCMD echo $X\n", Map.of())
        .expanded.get(0);
    assertThat(out.get(0).source().original()).isEqualTo("CMD echo $X");
  }

  @Test
  void unterminatedQuote_isReportedWithLine() {
    assertThatThrownBy(() -> labels("FROM scratch\nENV A=1\nENV B=\"abc\n", Map.of()))
        .isInstanceOf(DockerfileException.class)
        .hasMessageStartingWith("Dockerfile:3: failed to process \"\\\"abc\"")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
