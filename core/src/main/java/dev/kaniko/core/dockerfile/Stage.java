package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.FromInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * One build stage: its position, its lower-case name ({@code AS name}), its FROM and the
 * instructions after it.
 */
public record Stage(int index, Optional<String> name, FromInstruction from,
    List<Instruction> instructions) {

  public Stage {
    instructions = List.copyOf(instructions);
  }

  /** The name if it has one, else {@code stage-INDEX} (BuildKit's display name). */
  public String displayName() {
    return name.orElse("stage-" + index);
  }

  /** True when {@code reference} names this stage (by name, case-insensitively, or by index). */
  public boolean isNamed(String reference) {
    return name.map(n -> n.equalsIgnoreCase(reference)).orElse(false);
  }

  /** A copy with other instructions (used when splicing ONBUILD triggers). */
  public Stage withInstructions(List<Instruction> newInstructions) {
    return new Stage(index, name, from, newInstructions);
  }
}
