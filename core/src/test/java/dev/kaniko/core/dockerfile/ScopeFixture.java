package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.LabelInstruction;
import dev.kaniko.core.image.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the stages of a plan through {@link VariableScope}s and records what each label saw. */
final class ScopeFixture {
  static final Platform AMD64 = new Platform("linux", "amd64", "");
  static final Platform ARM_V7 = new Platform("linux", "arm", "v7");

  final BuildPlan plan;
  final Map<Integer, VariableScope> finalScopes = new LinkedHashMap<>();
  final Map<String, String> labels = new LinkedHashMap<>();
  final Map<Integer, List<Instruction>> expanded = new LinkedHashMap<>();

  private ScopeFixture(BuildPlan plan) {
    this.plan = plan;
  }

  static ScopeFixture run(String dockerfile, Map<String, String> buildArgs)
      throws DockerfileException {
    return run(dockerfile, buildArgs, Map.of());
  }

  /** Plans the last stage (not skipping) and applies every instruction of every stage. */
  static ScopeFixture run(String dockerfile, Map<String, String> buildArgs,
      Map<String, String> baseImageEnv) throws DockerfileException {
    BuildPlan plan = new BuildPlanner(buildArgs, AMD64, ARM_V7)
        .plan(Dockerfile.parse("Dockerfile", dockerfile), Optional.empty(), false);
    ScopeFixture fixture = new ScopeFixture(plan);
    for (PlannedStage stage : plan.stages()) {
      VariableScope scope = stage.base().stage().isPresent()
          ? fixture.finalScopes.get(stage.base().stage().getAsInt()).inherit()
          : plan.newScope(baseImageEnv);
      List<Instruction> out = new java.util.ArrayList<>();
      for (Instruction instruction : stage.instructions()) {
        Instruction result = scope.apply(instruction);
        out.add(result);
        if (result instanceof LabelInstruction label) {
          label.labels().forEach(kv -> fixture.labels.put(kv.key(), kv.value()));
        }
      }
      fixture.expanded.put(stage.index(), out);
      fixture.finalScopes.put(stage.index(), scope);
    }
    return fixture;
  }

  VariableScope last() {
    return finalScopes.get(plan.targetIndex());
  }
}
