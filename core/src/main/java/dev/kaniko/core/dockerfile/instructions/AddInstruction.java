package dev.kaniko.core.dockerfile.instructions;

import java.util.List;
import java.util.Optional;

/**
 * ADD: sources (paths, URLs, git refs or heredocs), destination and flags (unexpanded);
 * {@code unpack} is empty unless {@code --unpack} was given.
 */
public record AddInstruction(
    List<String> sources,
    List<InlineSource> inlineSources,
    String destination,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    boolean keepGitDir,
    Optional<String> checksum,
    List<String> excludes,
    Optional<Boolean> unpack,
    Source source)
    implements Instruction {
  public AddInstruction {
    sources = List.copyOf(sources);
    inlineSources = List.copyOf(inlineSources);
    excludes = List.copyOf(excludes);
  }

  @Override
  public String keyword() {
    return "ADD";
  }
}
