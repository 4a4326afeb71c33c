package dev.kaniko.core.build;

import dev.kaniko.core.dockerfile.instructions.AddInstruction;
import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ADD of local files and heredocs: COPY's rules, plus local tar archives extracted into the
 * destination. Remote sources (URLs, git) fail loudly: not supported yet.
 */
final class AddStep {
  private final CopyStep copy;
  private final String fileName;

  AddStep(CopyStep copy, String fileName) {
    this.copy = copy;
    this.fileName = fileName;
  }

  List<String> run(AddInstruction add, StageState stage) throws BuildException, IOException {
    for (String source : add.sources()) {
      if (isRemote(source)) {
        throw BuildException.at(fileName, add.line(),
            "ADD of a remote source (" + source + ") is not supported yet");
      }
    }
    if (add.checksum().isPresent() || add.keepGitDir()) {
      throw BuildException.at(fileName, add.line(),
          "ADD --checksum and --keep-git-dir are not supported yet");
    }
    CopyInstruction asCopy = new CopyInstruction(add.sources(), add.inlineSources(),
        add.destination(), Optional.empty(), add.chown(), add.chmod(), add.link(), false,
        add.excludes(), add.source());
    return copy.run(asCopy, stage, add.unpack().orElse(true));
  }

  private static boolean isRemote(String source) {
    String s = source.toLowerCase(Locale.ROOT);
    return s.contains("://") || s.startsWith("git@");
  }
}
