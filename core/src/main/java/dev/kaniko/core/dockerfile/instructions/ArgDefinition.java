package dev.kaniko.core.dockerfile.instructions;

import java.util.Optional;

/** One name declared by ARG, with its default value if it has one (still unexpanded). */
public record ArgDefinition(String name, Optional<String> defaultValue) {
  public ArgDefinition {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
