package dev.kaniko.core.dockerfile.instructions;

import java.util.Optional;

/** FROM image [AS name], with its {@code --platform} (all unexpanded). */
public record FromInstruction(
    String image,
    Optional<String> stageName,
    Optional<String> platform,
    Source source)
    implements Instruction {
  @Override
  public String keyword() {
    return "FROM";
  }
}
