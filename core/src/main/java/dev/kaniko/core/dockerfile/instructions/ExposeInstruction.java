package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** EXPOSE: port specs (unexpanded; expansion may split them further). */
public record ExposeInstruction(List<String> ports, Source source) implements Instruction {
  public ExposeInstruction {
    ports = List.copyOf(ports);
  }

  @Override
  public String keyword() {
    return "EXPOSE";
  }
}
