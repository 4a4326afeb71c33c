package dev.kaniko.testsupport;

/** An external tool (skopeo, umoci, openssl, ...) failed; the message names the command, exit code and stderr. */
public final class CommandFailedException extends RuntimeException {

  private final int exitCode;
  private final String stderr;

  public CommandFailedException(String message, int exitCode, String stderr) {
    super(message);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }

  /** The exit code, or -1 when the command could not be started or timed out. */
  public int exitCode() {
    return exitCode;
  }

  public String stderr() {
    return stderr;
  }
}
