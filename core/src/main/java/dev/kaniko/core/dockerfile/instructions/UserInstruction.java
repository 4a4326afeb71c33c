package dev.kaniko.core.dockerfile.instructions;

/** USER: user[:group] (unexpanded). */
public record UserInstruction(String user, Source source) implements Instruction {
  @Override
  public String keyword() {
    return "USER";
  }
}
