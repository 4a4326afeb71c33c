package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** ENTRYPOINT: the entry point (one string in shell form). */
public record EntrypointInstruction(
    List<String> command,
    boolean shellForm,
    Source source)
    implements Instruction {
  public EntrypointInstruction {
    command = List.copyOf(command);
  }

  @Override
  public String keyword() {
    return "ENTRYPOINT";
  }
}
