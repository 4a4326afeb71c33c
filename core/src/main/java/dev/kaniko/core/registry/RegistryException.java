package dev.kaniko.core.registry;

import java.util.Objects;

/**
 * A registry operation failed. The message is one line naming the registry and image, never a credential;
 * {@link #kind()} tells callers (and exit codes) what happened.
 */
public class RegistryException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** Credentials missing or refused. */
    UNAUTHORIZED,
    /** Repository, tag, manifest, blob or platform does not exist. */
    NOT_FOUND,
    /** The registry could not be reached or failed (connection refused, TLS, 5xx). */
    UNAVAILABLE,
    /** Downloaded content does not match its digest or size. */
    DIGEST_MISMATCH,
    /** The tag exists and the registry refuses to overwrite it. */
    IMMUTABLE_TAG,
    /** The content or request is not supported (schema 1, unknown media type...). */
    UNSUPPORTED,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;

  /** Creates the exception. */
  public RegistryException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Creates the exception with its cause (kept for debug output). */
  public RegistryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** True for failures worth retrying (registry unreachable or failing). */
  public boolean isTransient() {
    return kind == Kind.UNAVAILABLE;
  }
}
