package dev.kaniko.testsupport;

import java.util.List;

/** The outcome of one finished external command: its exit code and captured output. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

  public CommandResult {
    command = List.copyOf(command);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
