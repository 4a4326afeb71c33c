package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.Instruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stage as it will be built: its resolved base and platform, the instructions to run (with any
 * ONBUILD triggers of a parent stage spliced in after FROM), the earlier stages it needs
 * ({@code FROM stage}, {@code COPY --from}, {@code RUN --mount from=}), the registry images it copies
 * from, and the later planned stages that need it.
 */
public record PlannedStage(Stage stage, StageBase base, Optional<Platform> platform,
    List<Instruction> instructions, Set<Integer> dependsOn, Set<String> externalImages,
    Set<Integer> neededBy) {

  public PlannedStage {
    instructions = List.copyOf(instructions);
    dependsOn = Set.copyOf(dependsOn);
    externalImages = Set.copyOf(externalImages);
    neededBy = Set.copyOf(neededBy);
  }

  /** The stage's index in the Dockerfile. */
  public int index() {
    return stage.index();
  }
}
