package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code executor --target/--skip-unused-stages} through the CLI with the real engine: which
 * stages were built (the engine's "Building stage N (name)" lines), one test per rule. A stage
 * that must be skipped holds {@code RUN false}, which fails in a scratch rootfs if it ever runs.
 */
class StageSelectionTest {
  private static final Pattern BUILDING = Pattern.compile("Building stage (\\d+) \\(([^)]*)\\)");
  private static final Pattern PLANNED = Pattern.compile("Stages to build: (.*) \\(target: stage (\\d+)\\)");

  @TempDir Path temp;

  private CliHarness.Result build(String dockerfile, String... flags) throws IOException {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    Files.writeString(context.resolve("a.txt"), "a\n");
    Files.writeString(context.resolve("b.txt"), "b\n");
    ExecutorRun run = new ExecutorRun(new PluginContextFetchers(Map.of(), Optional.empty()),
        new ContainerDetector(Files.createDirectories(temp.resolve("root")), Map.of()),
        new DockerfileLocator(temp));
    List<String> args = new ArrayList<>(List.of("--context", context.toString(), "--no-push",
        "--oci-layout-path", temp.resolve("oci").toString()));
    args.addAll(List.of(flags));
    return CliHarness.executor(Map.of(), run, args.toArray(String[]::new));
  }

  /** The "index (name)" of every stage the engine started, in order. */
  private static List<String> built(CliHarness.Result result) {
    List<String> stages = new ArrayList<>();
    Matcher matcher = BUILDING.matcher(result.err());
    while (matcher.find()) {
      stages.add(matcher.group(1) + " (" + matcher.group(2) + ")");
    }
    return stages;
  }

  private static String targetIndex(CliHarness.Result result) {
    Matcher matcher = PLANNED.matcher(result.err());
    assertThat(matcher.find()).as(result.err()).isTrue();
    return matcher.group(2);
  }

  private static void assertBuilt(CliHarness.Result result, String... stages) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(built(result)).as(result.err()).containsExactly(stages);
    assertThat(result.err()).doesNotContain("RUN false");
  }

  @Test
  void noTarget_buildsEveryStageAndTheLastIsTheTarget() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch AS one
        COPY a.txt /
        FROM scratch
        COPY b.txt /
        FROM scratch AS last
        COPY --from=one /a.txt /
        """);

    assertBuilt(result, "0 (one)", "1 (stage-1)", "2 (last)");
    assertThat(targetIndex(result)).isEqualTo("2");
  }

  @Test
  void targetOnly_buildsEveryStageUpToTheTargetAndNoneAfter() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch AS one
        COPY a.txt /
        FROM scratch AS two
        COPY b.txt /
        FROM scratch AS after
        RUN false
        """, "--target", "two");

    assertBuilt(result, "0 (one)", "1 (two)");
    assertThat(targetIndex(result)).isEqualTo("1");
  }

  @Test
  void targetWithSkipUnusedStages_buildsOnlyTheTargetAndItsDependencies() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch AS unused
        RUN false
        FROM scratch AS dep
        COPY a.txt /
        FROM scratch AS also-unused
        RUN false
        FROM scratch AS app
        COPY --from=dep /a.txt /
        FROM scratch AS after
        RUN false
        """, "--target", "app", "--skip-unused-stages");

    assertBuilt(result, "1 (dep)", "3 (app)");
    assertThat(targetIndex(result)).isEqualTo("3");
  }

  @Test
  void fromStageChain_isBuiltTransitivelyWithSkipUnusedStages() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch AS base
        COPY a.txt /
        FROM scratch AS unused
        RUN false
        FROM base AS mid
        COPY b.txt /
        FROM mid AS final
        """, "--skip-unused-stages");

    assertBuilt(result, "0 (base)", "2 (mid)", "3 (final)");
  }

  @Test
  void copyFromIndex_buildsTheIndexedStageWithSkipUnusedStages() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch
        COPY a.txt /
        FROM scratch AS unused
        RUN false
        FROM scratch
        COPY --from=0 /a.txt /copied.txt
        """, "--skip-unused-stages");

    assertBuilt(result, "0 (stage-0)", "2 (stage-2)");
  }

  @Test
  void runMountFrom_plansTheMountedStageThenFailsLoudlyAtABadMountOption() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch AS data
        COPY a.txt /
        FROM scratch AS unused
        RUN false
        FROM scratch AS app
        RUN --mount=type=bind,from=data,target=/mnt,size=1 true
        """, "--skip-unused-stages");

    assertThat(result.err()).contains("Stages to build: 0 (data), 2 (app) (target: stage 2)");
    assertThat(built(result)).containsExactly("0 (data)", "2 (app)");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine())
        .isEqualTo("error: Dockerfile:6: RUN --mount: unexpected option 'size' for type=bind");
  }

  @Test
  void withoutSkipUnusedStages_unusedStagesBeforeTheTargetRun() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch AS unused
        RUN false
        FROM scratch AS app
        COPY a.txt /
        """);

    assertThat(built(result)).containsExactly("0 (unused)");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine()).startsWith("error: Dockerfile:2: ");
  }

  @Test
  void unknownTarget_failsWithOneLineNamingTheStages() throws IOException {
    CliHarness.Result result = build("""
        FROM scratch AS one
        FROM scratch AS two
        """, "--target", "three");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(built(result)).isEmpty();
    assertThat(result.errLines()).filteredOn(line -> line.startsWith("error:")).containsExactly(
        "error: Dockerfile: target stage \"three\" could not be found"
            + " (stages with names: one, two)");
  }

  @Test
  void globalArgInFrom_selectsTheStageItNames() throws IOException {
    CliHarness.Result result = build("""
        ARG BASE=one
        FROM scratch AS one
        COPY a.txt /
        FROM scratch AS two
        RUN false
        FROM ${BASE} AS final
        """, "--skip-unused-stages");

    assertBuilt(result, "0 (one)", "2 (final)");
  }

  @Test
  void buildArgChangingFrom_selectsTheOtherStage() throws IOException {
    CliHarness.Result result = build("""
        ARG BASE=one
        FROM scratch AS one
        RUN false
        FROM scratch AS two
        COPY b.txt /
        FROM ${BASE} AS final
        """, "--skip-unused-stages", "--build-arg", "BASE=two");

    assertBuilt(result, "1 (two)", "2 (final)");
  }
}
