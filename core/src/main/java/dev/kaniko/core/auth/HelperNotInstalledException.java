package dev.kaniko.core.auth;

/** A config.json credential helper whose {@code docker-credential-<name>} executable is not on {@code PATH}. */
public final class HelperNotInstalledException extends CredentialException {

  private static final long serialVersionUID = 1L;

  private final String helper;

  /** Creates the exception for helper {@code helper} (the name as written in config.json). */
  public HelperNotInstalledException(String helper, String message) {
    super(message);
    this.helper = helper;
  }

  /** The helper name as written in config.json, e.g. {@code ecr-login}. */
  public String helper() {
    return helper;
  }
}
