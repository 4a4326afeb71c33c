package dev.kaniko.core.auth;

/** A credential source served a registry but could not produce its credential. The message never holds a secret. */
public class CredentialException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public CredentialException(String message) {
    super(message);
  }

  /** Creates the exception with a one-line message and its cause. */
  public CredentialException(String message, Throwable cause) {
    super(message, cause);
  }
}
