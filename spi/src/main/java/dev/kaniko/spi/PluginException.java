package dev.kaniko.spi;

import java.util.Objects;

/** A provider failure with a {@link Reason} the host maps to a user-facing error. */
public class PluginException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a plugin call failed. */
  public enum Reason {
    /** The requested object (context, bucket, repository, credential) does not exist. */
    NOT_FOUND,
    /** Authentication or authorization was refused. */
    UNAUTHORIZED,
    /** The provider configuration or the request is invalid. */
    INVALID_CONFIGURATION,
    /** A remote service is unreachable or temporarily failing. */
    UNAVAILABLE,
    /** Anything else, including plugin bugs. */
    OTHER
  }

  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param reason why the call failed
   * @param message one-line message for the user; never include secrets
   */
  public PluginException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates an exception with a cause.
   *
   * @param reason why the call failed
   * @param message one-line message for the user; never include secrets
   * @param cause the underlying failure
   */
  public PluginException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the call failed. */
  public Reason reason() {
    return reason;
  }
}
