package dev.kaniko.core.dockerfile.instructions;

/** ONBUILD: the trigger instruction text, run when this image is used as a base. */
public record OnbuildInstruction(String expression, Source source) implements Instruction {
  @Override
  public String keyword() {
    return "ONBUILD";
  }
}
