package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.ArgInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.shell.ShellLexer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stages to build, in build order, for one target; plus the global ARG values (visible in
 * FROM lines and to stage ARGs that re-declare them) and the user's {@code --build-arg}s.
 */
public record BuildPlan(Dockerfile dockerfile, int targetIndex, List<PlannedStage> stages,
    Map<String, String> globalArgs, Map<String, String> buildArgs) {

  public BuildPlan {
    stages = List.copyOf(stages);
    globalArgs = Map.copyOf(globalArgs);
    buildArgs = Map.copyOf(buildArgs);
  }

  /** The planned stage for a Dockerfile stage index, if it is built. */
  public Optional<PlannedStage> stage(int index) {
    return stages.stream().filter(s -> s.index() == index).findFirst();
  }

  /** The stage whose image is the build result. */
  public PlannedStage target() {
    return stage(targetIndex).orElseThrow();
  }

  /**
   * The registry images the planned stages start from, distinct, in stage order (what the
   * warmer's {@code --dockerfile} caches). Images only named by {@code COPY --from} are in
   * {@link PlannedStage#externalImages()}.
   */
  public List<String> baseImages() {
    return stages.stream().map(PlannedStage::base).filter(StageBase::isImage)
        .map(StageBase::reference).distinct().toList();
  }

  /**
   * The {@code --build-arg} names no ARG of the planned stages or of the global scope declares
   * (proxy and automatic platform ARGs excepted), sorted; docker warns about these.
   */
  public List<String> unusedBuildArgs() {
    Set<String> declared = new HashSet<>();
    dockerfile.globalArgs().forEach(a -> a.args().forEach(d -> declared.add(d.name())));
    for (PlannedStage stage : stages) {
      for (Instruction i : stage.instructions()) {
        if (i instanceof ArgInstruction arg) {
          arg.args().forEach(d -> declared.add(d.name()));
        }
      }
    }
    return buildArgs.keySet().stream()
        .filter(k -> !declared.contains(k) && !globalArgs.containsKey(k)
            && !VariableScope.PROXY_ARGS.contains(k.toUpperCase(Locale.ROOT)))
        .sorted().toList();
  }

  /** Indices of the stages to build, in order. */
  public List<Integer> stageIndices() {
    return stages.stream().map(PlannedStage::index).toList();
  }

  /**
   * Splices the ONBUILD triggers of a registry base image (its config's {@code OnBuild}) into a
   * planned stage and returns the instructions to run. Fails when a trigger copies or mounts
   * from a stage this plan does not build before {@code stage}.
   */
  public List<Instruction> withBaseImageTriggers(PlannedStage stage, List<String> triggers)
      throws DockerfileException {
    if (triggers.isEmpty()) {
      return stage.instructions();
    }
    Stage withParentTriggers = stage.stage().withInstructions(stage.instructions());
    List<Instruction> all =
        OnbuildTriggers.splice(withParentTriggers, triggers, dockerfile.fileName());
    StageGraph graph =
        new StageGraph(dockerfile, new ShellLexer(dockerfile.escapeToken()), globalArgs);
    List<Instruction> spliced = all.subList(0, triggers.size());
    for (int source : graph.stageSources(stage.stage(), spliced)) {
      if (stage(source).isEmpty()) {
        throw new DockerfileException(dockerfile.fileName(), stage.stage().from().line(),
            "an ONBUILD trigger of base image " + stage.base().reference() + " uses stage "
                + dockerfile.stages().get(source).displayName() + ", which this build does not"
                + " build (drop --skip-unused-stages or --target)");
      }
    }
    return all;
  }

  /**
   * The variable scope a stage starts with: the base image's environment (empty for scratch;
   * for a stage base, pass the parent's final {@link VariableScope#inherit()} instead).
   */
  public VariableScope newScope(Map<String, String> baseImageEnv) {
    return new VariableScope(dockerfile.fileName(), dockerfile.escapeToken(), globalArgs,
        buildArgs, baseImageEnv);
  }

  /** Stages and arg names only: build-arg values may be secrets. */
  @Override
  public String toString() {
    return "BuildPlan[target=" + targetIndex + ", stages=" + stageIndices() + ", buildArgs="
        + new java.util.TreeSet<>(buildArgs.keySet()) + "]";
  }
}
