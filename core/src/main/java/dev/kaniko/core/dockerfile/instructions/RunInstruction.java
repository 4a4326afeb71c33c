package dev.kaniko.core.dockerfile.instructions;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import java.util.List;
import java.util.Optional;

/**
 * RUN: the command (one string in shell form), heredocs, and the {@code --mount},
 * {@code --network} and {@code --security} flags.
 */
public record RunInstruction(
    List<String> command,
    boolean shellForm,
    List<Heredoc> heredocs,
    List<String> mounts,
    Optional<String> network,
    Optional<String> security,
    Source source)
    implements Instruction {
  public RunInstruction {
    command = List.copyOf(command);
    heredocs = List.copyOf(heredocs);
    mounts = List.copyOf(mounts);
  }

  @Override
  public String keyword() {
    return "RUN";
  }

  /**
   * True for {@code RUN <<EOF} with nothing else on the line: the heredoc is the script (run by
   * the shell, or executed as a file when it starts with {@code #!}).
   */
  public boolean isHeredocScript() {
    return shellForm && heredocs.size() == 1 && command.size() == 1
        && Heredoc.parseOpener(command.get(0).strip()).isPresent();
  }

  /**
   * The text the shell runs for a shell-form RUN (BuildKit's rules): the command; for a heredoc
   * script, the heredoc content (tabs stripped for {@code <<-}); otherwise the command followed
   * by each heredoc's lines and delimiter, for the shell to read as here-documents.
   */
  public String shellText() {
    if (!shellForm) {
      throw new IllegalStateException("RUN in exec form has no shell text: " + command);
    }
    if (heredocs.isEmpty()) {
      return command.get(0);
    }
    if (isHeredocScript()) {
      return heredocs.get(0).effectiveContent();
    }
    StringBuilder text = new StringBuilder(command.get(0));
    for (Heredoc doc : heredocs) {
      text.append('\n').append(doc.content()).append(doc.name());
    }
    return text.toString();
  }
}
