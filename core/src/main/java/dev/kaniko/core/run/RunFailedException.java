package dev.kaniko.core.run;

/**
 * The command ran and exited non-zero: {@code Dockerfile:LINE: RUN <cmd> returned a non-zero code: N}
 * (kaniko's and docker's wording).
 */
public final class RunFailedException extends RunException {
  private final int exitCode;
  private final int line;

  public RunFailedException(RunCommand command, int exitCode) {
    super(command.location() + "RUN " + command.display() + " returned a non-zero code: " + exitCode);
    this.exitCode = exitCode;
    this.line = command.line();
  }

  public int exitCode() {
    return exitCode;
  }

  /** The Dockerfile line of the RUN instruction (0 when unknown). */
  public int line() {
    return line;
  }
}
