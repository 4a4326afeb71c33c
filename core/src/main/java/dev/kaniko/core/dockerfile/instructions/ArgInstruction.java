package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** ARG: declared build arguments with optional defaults. */
public record ArgInstruction(List<ArgDefinition> args, Source source) implements Instruction {
  public ArgInstruction {
    args = List.copyOf(args);
  }

  @Override
  public String keyword() {
    return "ARG";
  }
}
