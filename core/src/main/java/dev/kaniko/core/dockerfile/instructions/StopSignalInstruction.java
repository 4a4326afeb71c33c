package dev.kaniko.core.dockerfile.instructions;

/** STOPSIGNAL: the signal (unexpanded). */
public record StopSignalInstruction(String signal, Source source) implements Instruction {
  @Override
  public String keyword() {
    return "STOPSIGNAL";
  }
}
