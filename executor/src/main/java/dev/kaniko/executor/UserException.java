package dev.kaniko.executor;

/** A failure the user can fix (missing Dockerfile, bad context): one {@code error:} line, exit 1. */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code message} is printed after {@code error: }. */
  public UserException(String message) {
    super(message);
  }

  /** With the underlying cause, shown only at debug verbosity. */
  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
