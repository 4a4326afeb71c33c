package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** LABEL: key/value pairs (unexpanded). */
public record LabelInstruction(List<KeyValue> labels, Source source) implements Instruction {
  public LabelInstruction {
    labels = List.copyOf(labels);
  }

  @Override
  public String keyword() {
    return "LABEL";
  }
}
