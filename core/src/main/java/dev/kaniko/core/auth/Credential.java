package dev.kaniko.core.auth;

import java.util.Objects;

/**
 * A registry username and secret (password or token). {@link #toString()} never prints the secret;
 * the username {@code <token>} marks an identity (refresh) token, as in Docker.
 */
public final class Credential {

  /** The username Docker uses for identity tokens. */
  public static final String IDENTITY_TOKEN_USER = "<token>";

  private final String username;
  private final String secret;

  /** Creates a credential; neither part may be null. */
  public Credential(String username, String secret) {
    this.username = Objects.requireNonNull(username, "username");
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** A credential holding a Docker identity token. */
  public static Credential identityToken(String token) {
    return new Credential(IDENTITY_TOKEN_USER, token);
  }

  /** The user name ({@code <token>} for identity tokens). */
  public String username() {
    return username;
  }

  /** The password or token. Never log it. */
  public String secret() {
    return secret;
  }

  /** True when the secret is a Docker identity token rather than a password. */
  public boolean isIdentityToken() {
    return IDENTITY_TOKEN_USER.equals(username);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Credential that && username.equals(that.username) && secret.equals(that.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, secret);
  }

  @Override
  public String toString() {
    return "Credential{username=" + username + ", secret=<redacted>}";
  }
}
