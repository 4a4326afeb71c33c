package dev.kaniko.plugins.cred.acr;

import java.time.Instant;
import java.util.Objects;

/** A bearer token (Azure AD access token or ACR refresh token) and its expiry; {@link #toString()} hides it. */
public record AzureToken(String value, Instant expiresAt) {

  /** Validates the parts. */
  public AzureToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AzureToken{value=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
