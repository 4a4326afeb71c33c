package dev.kaniko.plugins.cred.ecr;

import java.time.Instant;
import java.util.Objects;

/**
 * An ECR authorization token, decoded into the registry user name ({@code AWS}) and password.
 * {@link #toString()} never prints the password.
 */
public record EcrToken(String username, String password, Instant expiresAt) {

  /** Validates the parts. */
  public EcrToken {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "EcrToken{username=" + username + ", password=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
