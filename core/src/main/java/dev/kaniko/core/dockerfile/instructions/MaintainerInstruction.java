package dev.kaniko.core.dockerfile.instructions;

/** MAINTAINER (deprecated): the author, stored as a label-less image field. */
public record MaintainerInstruction(String maintainer, Source source) implements Instruction {
  @Override
  public String keyword() {
    return "MAINTAINER";
  }
}
