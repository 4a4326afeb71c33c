package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** SHELL: the shell used by shell-form instructions (JSON form only). */
public record ShellInstruction(List<String> shell, Source source) implements Instruction {
  public ShellInstruction {
    shell = List.copyOf(shell);
  }

  @Override
  public String keyword() {
    return "SHELL";
  }
}
