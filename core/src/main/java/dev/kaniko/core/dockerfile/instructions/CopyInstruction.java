package dev.kaniko.core.dockerfile.instructions;

import java.util.List;
import java.util.Optional;

/** COPY: sources (paths or heredocs), destination and flags (unexpanded). */
public record CopyInstruction(
    List<String> sources,
    List<InlineSource> inlineSources,
    String destination,
    Optional<String> from,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    boolean parents,
    List<String> excludes,
    Source source)
    implements Instruction {
  public CopyInstruction {
    sources = List.copyOf(sources);
    inlineSources = List.copyOf(inlineSources);
    excludes = List.copyOf(excludes);
  }

  @Override
  public String keyword() {
    return "COPY";
  }
}
