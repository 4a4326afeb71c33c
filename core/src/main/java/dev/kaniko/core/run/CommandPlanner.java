package dev.kaniko.core.run;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link RunCommand} into the argv to execute, following BuildKit's {@code dispatchRun}:
 * shell form through the SHELL, exec form as is, and heredocs.
 *
 * <ul>
 *   <li>{@code RUN <<EOF} (the line is only the marker): the body is the script given to the SHELL;
 *       a body starting with {@code #!} is written to an executable file instead and the SHELL runs
 *       that file's path;
 *   <li>{@code RUN cmd <<EOF}: the line and the bodies, each followed by its delimiter, are given to
 *       the SHELL as one script, so the shell itself feeds the body to {@code cmd}'s stdin.
 * </ul>
 */
final class CommandPlanner {
  /** BuildKit's heredoc marker: {@code [fd]<<[-]word}. */
  private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");

  private CommandPlanner() {}

  /** @param scriptDir an absolute directory inside the rootfs for a shebang script */
  static PlannedCommand plan(RunCommand command, String scriptDir) {
    if (!command.isShellForm()) {
      return new PlannedCommand(command.execArgs(), Optional.empty());
    }
    List<Heredoc> heredocs = command.heredocs();
    if (heredocs.isEmpty()) {
      return shell(command, command.commandLine(), Optional.empty());
    }
    if (isOnlyMarker(command.commandLine())) {
      Heredoc first = heredocs.get(0);
      String body = first.effectiveContent();
      if (first.content().startsWith("#!")) {
        String path = scriptDir + "/" + first.name();
        return shell(command, path, Optional.of(new PlannedCommand.ScriptFile(path, body)));
      }
      return shell(command, body, Optional.empty());
    }
    StringBuilder full = new StringBuilder(command.commandLine());
    for (Heredoc heredoc : heredocs) {
      full.append('\n').append(heredoc.content()).append(heredoc.name());
    }
    return shell(command, full.toString(), Optional.empty());
  }

  private static PlannedCommand shell(
      RunCommand command, String script, Optional<PlannedCommand.ScriptFile> file) {
    List<String> argv = new ArrayList<>(command.shell());
    argv.add(script);
    return new PlannedCommand(argv, file);
  }

  static boolean isOnlyMarker(String commandLine) {
    Matcher m = MARKER.matcher(commandLine.strip());
    if (!m.matches()) {
      return false;
    }
    String word = m.group(3).strip();
    if (word.length() >= 2 && (word.startsWith("\"") && word.endsWith("\"")
        || word.startsWith("'") && word.endsWith("'"))) {
      word = word.substring(1, word.length() - 1);
    }
    return !word.isEmpty() && !word.contains(" ");
  }
}
