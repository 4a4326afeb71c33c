package dev.kaniko.core.run;

/** The command could not be started: unknown user, missing host tool, rootfs I/O error. */
public final class RunSetupException extends RunException {
  public RunSetupException(String message) {
    super(message);
  }

  public RunSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
