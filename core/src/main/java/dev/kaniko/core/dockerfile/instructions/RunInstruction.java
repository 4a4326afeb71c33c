package dev.kaniko.core.dockerfile.instructions;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import java.util.List;
import java.util.Optional;

/** RUN: the command (one string in shell form), heredocs, and the {@code --mount/--network/--security} flags. */
public record RunInstruction(
    List<String> command,
    boolean shellForm,
    List<Heredoc> heredocs,
    List<String> mounts,
    Optional<String> network,
    Optional<String> security,
    Source source)
    implements Instruction {
  public RunInstruction {
    command = List.copyOf(command);
    heredocs = List.copyOf(heredocs);
    mounts = List.copyOf(mounts);
  }

  @Override
  public String keyword() {
    return "RUN";
  }
}
