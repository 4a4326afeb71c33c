package dev.kaniko.spi;

import java.util.Objects;

/**
 * A username and secret (password or token) for a registry. {@link #toString()} never prints the
 * secret. For identity tokens use the username {@code <token>}, like Docker does.
 */
public final class RegistryCredential {

  private final String username;
  private final String secret;

  /**
   * Creates a credential.
   *
   * @param username the user name, or {@code <token>} for identity tokens
   * @param secret the password or token
   */
  public RegistryCredential(String username, String secret) {
    this.username = Objects.requireNonNull(username, "username");
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** The user name. */
  public String username() {
    return username;
  }

  /** The password or token. Never log it. */
  public String secret() {
    return secret;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegistryCredential that
        && username.equals(that.username)
        && secret.equals(that.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, secret);
  }

  @Override
  public String toString() {
    return "RegistryCredential{username=" + username + ", secret=<redacted>}";
  }
}
