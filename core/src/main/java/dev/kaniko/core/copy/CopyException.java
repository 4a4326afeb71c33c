package dev.kaniko.core.copy;

/** A COPY that cannot be done as asked (missing source, bad destination...): a user error. */
public final class CopyException extends Exception {
  private static final long serialVersionUID = 1L;

  public CopyException(String message) {
    super(message);
  }
}
