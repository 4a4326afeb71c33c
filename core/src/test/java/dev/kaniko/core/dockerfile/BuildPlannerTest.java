package dev.kaniko.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.image.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Stage selection (--target, --skip-unused-stages), the stage graph and FROM resolution. */
class BuildPlannerTest {
  private static final String FIVE_STAGES = """
      FROM alpine AS deps
      RUN fetch
      FROM deps AS build
      RUN make
      FROM alpine AS docs
      RUN mkdocs
      FROM scratch AS final
      COPY --from=build /app /app
      FROM alpine AS test
      RUN test
      """;

  private static BuildPlan plan(String df, String target, boolean skip) throws DockerfileException {
    return plan(df, target, skip, Map.of());
  }

  private static BuildPlan plan(String df, String target, boolean skip, Map<String, String> args)
      throws DockerfileException {
    return new BuildPlanner(args, ScopeFixture.AMD64, ScopeFixture.ARM_V7)
        .plan(Dockerfile.parse("Dockerfile", df), Optional.ofNullable(target), skip);
  }

  @Test
  void noTarget_buildsEveryStageAndTargetsTheLast() throws Exception {
    BuildPlan p = plan(FIVE_STAGES, null, false);
    assertThat(p.stageIndices()).containsExactly(0, 1, 2, 3, 4);
    assertThat(p.target().stage().name()).contains("test");
  }

  @Test
  void target_withoutSkip_buildsEveryStageUpToTheTarget() throws Exception {
    assertThat(plan(FIVE_STAGES, "final", false).stageIndices()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void target_withSkip_buildsOnlyTheStagesTheTargetNeeds() throws Exception {
    assertThat(plan(FIVE_STAGES, "final", true).stageIndices()).containsExactly(0, 1, 3);
  }

  @Test
  void skipWithoutTarget_buildsTheLastStageAndItsDependenciesOnly() throws Exception {
    assertThat(plan(FIVE_STAGES, null, true).stageIndices()).containsExactly(4);
  }

  @Test
  void target_isMatchedCaseInsensitively() throws Exception {
    assertThat(plan(FIVE_STAGES, "BUILD", true).stageIndices()).containsExactly(0, 1);
  }

  @Test
  void target_unknownIsAnError() {
    assertThatThrownBy(() -> plan(FIVE_STAGES, "prod", false))
        .isInstanceOf(DockerfileException.class)
        .hasMessage("Dockerfile: target stage \"prod\" could not be found (stages with names:"
            + " deps, build, docs, final, test)");
  }

  @Test
  void fromStage_isADependencyAndTheBase() throws Exception {
    PlannedStage build = plan(FIVE_STAGES, "build", true).target();
    assertThat(build.base()).isEqualTo(new StageBase("deps", OptionalInt.of(0)));
    assertThat(build.dependsOn()).containsExactly(0);
  }

  @Test
  void copyFromStageName_isADependency() throws Exception {
    PlannedStage fin = plan(FIVE_STAGES, "final", true).target();
    assertThat(fin.base().isScratch()).isTrue();
    assertThat(fin.dependsOn()).containsExactly(1);
  }

  @Test
  void copyFromIndex_isADependency() throws Exception {
    BuildPlan p = plan("FROM a\nFROM b\nFROM c\nCOPY --from=0 /x /x\n", null, true);
    assertThat(p.stageIndices()).containsExactly(0, 2);
  }

  @Test
  void runMountFrom_isADependencyButSecretsAreNot() throws Exception {
    BuildPlan p = plan("FROM a AS tools\nFROM b AS other\nFROM c\n"
        + "RUN --mount=type=bind,from=tools,target=/t --mount=type=secret,id=other make\n",
        null, true);
    assertThat(p.stageIndices()).containsExactly(0, 2);
  }

  @Test
  void copyFromUnknownName_isAnExternalImage() throws Exception {
    PlannedStage only = plan("FROM scratch\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
        null, true).target();
    assertThat(only.dependsOn()).isEmpty();
    assertThat(only.externalImages()).containsExactly("nginx:1.27");
  }

  @Test
  void dependencies_areFollowedTransitively() throws Exception {
    String df = "FROM a AS one\nFROM b AS two\nCOPY --from=one / /\nFROM c AS three\n"
        + "FROM two AS four\nFROM d\nCOPY --from=four / /\n";
    assertThat(plan(df, null, true).stageIndices()).containsExactly(0, 1, 3, 4);
  }

  @Test
  void neededBy_listsThePlannedDependents() throws Exception {
    BuildPlan p = plan(FIVE_STAGES, "final", true);
    assertThat(p.stage(0).orElseThrow().neededBy()).containsExactly(1);
    assertThat(p.stage(1).orElseThrow().neededBy()).containsExactly(3);
    assertThat(p.target().neededBy()).isEmpty();
  }

  @Test
  void copyFromLaterStage_isAnError() {
    assertThatThrownBy(() -> plan("FROM a AS one\nCOPY --from=two / /\nFROM b AS two\n", null,
        false)).hasMessage("Dockerfile:2: cannot copy from stage \"two\", it needs to be defined"
            + " before current stage \"one\"");
  }

  @Test
  void copyFromOwnIndex_isAnError() {
    assertThatThrownBy(() -> plan("FROM a\nCOPY --from=0 / /\n", null, false))
        .hasMessage("Dockerfile:2: cannot copy from stage \"0\", it needs to be defined before"
            + " current stage \"stage-0\"");
  }

  @Test
  void copyFromIndexOutOfRange_isAnError() {
    assertThatThrownBy(() -> plan("FROM a\nFROM b\nCOPY --from=5 / /\n", null, false))
        .hasMessage("Dockerfile:3: invalid stage index 5 in --from (the Dockerfile has 2 stages)");
  }

  @Test
  void copyFromWithVariable_isAnError() {
    assertThatThrownBy(() -> plan("ARG SRC=a\nFROM a\nFROM b\nCOPY --from=$SRC / /\n", null,
        false)).hasMessageStartingWith("Dockerfile:4: variable expansion is not supported for"
            + " --from");
  }

  @Test
  void from_isExpandedWithGlobalArgsAndBuildArgs() throws Exception {
    String df = "ARG REPO=library\nARG TAG=3.20\nARG IMAGE=$REPO/alpine:$TAG\nFROM $IMAGE\n";
    assertThat(plan(df, null, false).target().base().reference())
        .isEqualTo("library/alpine:3.20");
    assertThat(plan(df, null, false, Map.of("TAG", "edge")).target().base().reference())
        .isEqualTo("library/alpine:edge");
  }

  @Test
  void from_blankAfterExpansionIsAnError() {
    assertThatThrownBy(() -> plan("ARG IMG\nFROM $IMG\n", null, false))
        .hasMessage("Dockerfile:2: base name ($IMG) should not be blank");
  }

  @Test
  void fromPlatform_isExpandedWithAutomaticPlatformArgs() throws Exception {
    PlannedStage s = plan("FROM --platform=$BUILDPLATFORM golang AS build\n", null, false)
        .target();
    assertThat(s.platform()).contains(new Platform("linux", "amd64", ""));
    assertThat(plan("FROM --platform=$TARGETPLATFORM a\n", null, false).target().platform())
        .contains(new Platform("linux", "arm", "v7"));
  }

  @Test
  void fromPlatform_invalidIsAnError() {
    assertThatThrownBy(() -> plan("FROM --platform=linux/ a\n", null, false))
        .hasMessageStartingWith("Dockerfile:1: failed to parse platform linux/: invalid platform");
  }

  @Test
  void from_namesOnlyEarlierStages() throws Exception {
    BuildPlan p = plan("FROM later AS first\nFROM alpine AS later\n", null, false);
    assertThat(p.stage(0).orElseThrow().base().isImage()).isTrue();
    assertThat(p.stage(0).orElseThrow().base().reference()).isEqualTo("later");
  }

  @Test
  void from_stageNamedLikeAnImageShadowsTheImage() throws Exception {
    BuildPlan p = plan("FROM alpine AS alpine\nRUN apk add git\nFROM alpine\n", null, true);
    assertThat(p.target().base().stage()).isEqualTo(OptionalInt.of(0));
    assertThat(p.stageIndices()).containsExactly(0, 1);
  }

  @Test
  void globalArgs_includeAutomaticPlatformArgsAndTargetStage() throws Exception {
    BuildPlan p = plan(FIVE_STAGES, "docs", false);
    assertThat(p.globalArgs()).containsEntry("TARGETPLATFORM", "linux/arm/v7")
        .containsEntry("TARGETOS", "linux").containsEntry("TARGETARCH", "arm")
        .containsEntry("TARGETVARIANT", "v7").containsEntry("BUILDPLATFORM", "linux/amd64")
        .containsEntry("BUILDOS", "linux").containsEntry("BUILDARCH", "amd64")
        .containsEntry("BUILDVARIANT", "").containsEntry("TARGETSTAGE", "docs");
  }

  @Test
  void globalArgs_buildArgOverridesAutomaticValue() throws Exception {
    BuildPlan p = plan("FROM alpine:$TARGETARCH\n", null, false, Map.of("TARGETARCH", "riscv64"));
    assertThat(p.target().base().reference()).isEqualTo("alpine:riscv64");
  }

  @Test
  void globalArg_withoutValueIsUnsetInFrom() throws Exception {
    assertThat(plan("ARG V\nFROM a${V+-set}\n", null, false).target().base().reference())
        .isEqualTo("a");
  }

  @Test
  void parentStageOnbuild_isSplicedIntoChildAfterFrom() throws Exception {
    String df = "FROM a AS assets\nFROM b AS base\nONBUILD COPY --from=assets /x /x\n"
        + "ONBUILD RUN echo child\nRUN echo base\nFROM base\nRUN echo own\n";
    BuildPlan p = plan(df, null, true);
    PlannedStage child = p.target();
    assertThat(child.instructions()).hasSize(3);
    assertThat(child.instructions().get(0)).isInstanceOf(CopyInstruction.class);
    assertThat(((RunInstruction) child.instructions().get(1)).command())
        .containsExactly("echo child");
    assertThat(child.instructions().get(1).line()).isEqualTo(6);
    assertThat(child.dependsOn()).containsExactly(0, 1);
    assertThat(p.stageIndices()).containsExactly(0, 1, 2);
    assertThat(p.stage(1).orElseThrow().instructions()).hasSize(3);
  }

  @Test
  void baseImageTriggers_areSplicedBeforeTheStageInstructions() throws Exception {
    BuildPlan p = plan("FROM a AS assets\nFROM onbuild-image\nRUN own\n", null, false);
    var out = p.withBaseImageTriggers(p.target(), java.util.List.of("COPY --from=assets / /"));
    assertThat(out).hasSize(2);
    assertThat(((CopyInstruction) out.get(0)).from()).contains("assets");
    assertThat(out.get(0).line()).isEqualTo(2);
  }

  @Test
  void baseImageTriggers_usingAnUnplannedStageFailLoudly() throws Exception {
    BuildPlan p = plan("FROM a AS assets\nFROM onbuild-image\nRUN own\n", null, true);
    assertThat(p.stageIndices()).containsExactly(1);
    assertThatThrownBy(() -> p.withBaseImageTriggers(p.target(),
        java.util.List.of("COPY --from=assets / /")))
        .hasMessage("Dockerfile:2: an ONBUILD trigger of base image onbuild-image uses stage"
            + " assets, which this build does not build (drop --skip-unused-stages or --target)");
  }

  @Test
  void baseImages_areTheDistinctRegistryBasesAfterExpansion() throws Exception {
    BuildPlan p = plan("ARG V=3.20\nFROM alpine:$V AS a\nFROM a\nFROM scratch\n"
        + "FROM alpine:${V}\nFROM busybox\nCOPY --from=nginx / /\n", null, false);
    assertThat(p.baseImages()).containsExactly("alpine:3.20", "busybox");
  }

  @Test
  void copyFromEmpty_isAnError() {
    assertThatThrownBy(() -> plan("FROM a\nCOPY --from= / /\n", null, false))
        .hasMessage("Dockerfile:2: COPY --from needs a value: a stage name, a stage index or an"
            + " image");
  }

  @Test
  void copyFromNeitherStageNorImage_isAnError() {
    assertThatThrownBy(() -> plan("FROM a AS Build\nFROM b\nCOPY --from=My_Build / /\n", null,
        false)).hasMessage("Dockerfile:3: --from=My_Build names no stage of this Dockerfile and"
            + " is not an image: repository name must be lowercase");
    assertThatThrownBy(() -> plan("FROM b\nRUN --mount=from=a:b:c,target=/x true\n", null,
        false)).hasMessage("Dockerfile:2: --mount from=a:b:c names no stage of this Dockerfile"
            + " and is not an image: invalid reference format");
  }

  @Test
  void fromInvalidImageReference_isAnError() {
    assertThatThrownBy(() -> plan("ARG IMG=Alpine:3\nFROM $IMG\n", null, false))
        .hasMessage("Dockerfile:2: base image \"Alpine:3\" is not a valid image reference:"
            + " repository name must be lowercase");
  }

  @Test
  void fromValidReferences_areAccepted() throws Exception {
    for (String ref : java.util.List.of("localhost:5000/team/app:1.0", "ghcr.io/o/r@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "my-registry.example.com/a__b/c-d.e:v1_2", "[::1]:5000/img")) {
      assertThat(plan("FROM " + ref + "\n", null, false).target().base().reference())
          .isEqualTo(ref);
    }
  }

  @Test
  void unusedBuildArgs_areThoseNoPlannedArgDeclares() throws Exception {
    String df = "ARG GLOBAL\nFROM a AS one\nARG IN_ONE\nFROM b\nARG IN_LAST\n";
    Map<String, String> args = Map.of("GLOBAL", "1", "IN_ONE", "2", "IN_LAST", "3", "TYPO", "4",
        "https_proxy", "p", "TARGETARCH", "arm64");
    assertThat(plan(df, null, false, args).unusedBuildArgs()).containsExactly("TYPO");
    assertThat(plan(df, null, true, args).unusedBuildArgs()).containsExactly("IN_ONE", "TYPO");
  }
}
