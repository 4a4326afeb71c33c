package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** ENV: variables to set (unexpanded). */
public record EnvInstruction(List<KeyValue> variables, Source source) implements Instruction {
  public EnvInstruction {
    variables = List.copyOf(variables);
  }

  @Override
  public String keyword() {
    return "ENV";
  }
}
