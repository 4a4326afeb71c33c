package dev.kaniko.plugins.cred.gcr;

import java.time.Instant;
import java.util.Objects;

/** An OAuth2 access token and its expiry. {@link #toString()} never prints the token. */
public record GoogleToken(String value, Instant expiresAt) {

  /** Validates the parts. */
  public GoogleToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "GoogleToken{value=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
