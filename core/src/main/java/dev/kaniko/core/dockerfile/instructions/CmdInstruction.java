package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** CMD: the default command (one string in shell form). */
public record CmdInstruction(
    List<String> command,
    boolean shellForm,
    Source source)
    implements Instruction {
  public CmdInstruction {
    command = List.copyOf(command);
  }

  @Override
  public String keyword() {
    return "CMD";
  }
}
