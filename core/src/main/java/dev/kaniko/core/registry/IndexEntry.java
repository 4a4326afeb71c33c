package dev.kaniko.core.registry;

import java.util.Objects;
import java.util.Optional;

/** One manifest of an image index, with its platform when the index declares one. */
public record IndexEntry(Descriptor descriptor, Optional<Platform> platform) {

  /** Validates the parts. */
  public IndexEntry {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(platform, "platform");
  }
}
