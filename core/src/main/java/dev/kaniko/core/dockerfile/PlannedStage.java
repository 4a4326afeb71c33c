package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.image.Platform;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stage as it will be built: its resolved base and platform, the instructions to run (with any
 * ONBUILD triggers of a parent stage spliced in after FROM), the earlier stages it needs
 * ({@code FROM stage}, {@code COPY --from}, {@code RUN --mount from=}), the registry images it copies
 * from, and the later planned stages that need it (index sets are sorted).
 */
public record PlannedStage(Stage stage, StageBase base, Optional<Platform> platform,
    List<Instruction> instructions, Set<Integer> dependsOn, Set<String> externalImages,
    Set<Integer> neededBy) {

  public PlannedStage {
    instructions = List.copyOf(instructions);
    dependsOn = Collections.unmodifiableSortedSet(new TreeSet<>(dependsOn));
    externalImages = Collections.unmodifiableSet(new LinkedHashSet<>(externalImages));
    neededBy = Collections.unmodifiableSortedSet(new TreeSet<>(neededBy));
  }

  /** The stage's index in the Dockerfile. */
  public int index() {
    return stage.index();
  }
}
