package dev.kaniko.core.dockerfile.instructions;

/** WORKDIR: the working directory (unexpanded). */
public record WorkdirInstruction(String path, Source source) implements Instruction {
  @Override
  public String keyword() {
    return "WORKDIR";
  }
}
