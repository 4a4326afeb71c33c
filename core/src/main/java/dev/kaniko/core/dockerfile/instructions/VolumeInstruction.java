package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** VOLUME: mount points (unexpanded). */
public record VolumeInstruction(List<String> volumes, Source source) implements Instruction {
  public VolumeInstruction {
    volumes = List.copyOf(volumes);
  }

  @Override
  public String keyword() {
    return "VOLUME";
  }
}
