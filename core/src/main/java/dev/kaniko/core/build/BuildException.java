package dev.kaniko.core.build;

/** A build that cannot go on; the message is one line for the user (with the Dockerfile line). */
public final class BuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public BuildException(String message) {
    super(message);
  }

  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code FILE:LINE: message}, the frontend's error format. */
  static BuildException at(String file, int line, String message) {
    return new BuildException(file + ":" + line + ": " + message);
  }
}
