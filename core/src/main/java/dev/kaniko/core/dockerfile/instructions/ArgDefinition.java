package dev.kaniko.core.dockerfile.instructions;

import java.util.Optional;

/**
 * One name declared by ARG with its value if it has one: the unexpanded default as parsed, the
 * resolved value after {@code VariableScope.apply}.
 */
public record ArgDefinition(String name, Optional<String> defaultValue) {
  public ArgDefinition {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** The name only: once resolved, the value may come from a secret {@code --build-arg}. */
  @Override
  public String toString() {
    return defaultValue.isPresent() ? name + "=<value>" : name;
  }
}
