package dev.kaniko.core.run;

/** A RUN instruction could not be run or failed; the message is one line for the user. */
public class RunException extends Exception {
  public RunException(String message) {
    super(message);
  }

  public RunException(String message, Throwable cause) {
    super(message, cause);
  }
}
