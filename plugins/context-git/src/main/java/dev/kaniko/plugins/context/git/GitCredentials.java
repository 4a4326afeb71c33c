package dev.kaniko.plugins.context.git;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Basic-auth credentials for a git server, as kaniko takes them: {@code GIT_TOKEN} (sent as the user
 * name, empty password) wins over {@code GIT_USERNAME}/{@code GIT_PASSWORD}; a user-info in the URL
 * wins over both. {@link #toString()} never prints the secret.
 *
 * @param username the user name (a token when only a token is given)
 * @param password the password, "" for none
 */
record GitCredentials(String username, String password) {

  static final String TOKEN_ENV = "GIT_TOKEN";
  static final String USERNAME_ENV = "GIT_USERNAME";
  static final String PASSWORD_ENV = "GIT_PASSWORD";

  static final GitCredentials NONE = new GitCredentials("", "");

  static GitCredentials fromEnv(Map<String, String> env) {
    String token = env.getOrDefault(TOKEN_ENV, "");
    if (!token.isEmpty()) {
      return new GitCredentials(token, "");
    }
    return new GitCredentials(env.getOrDefault(USERNAME_ENV, ""), env.getOrDefault(PASSWORD_ENV, ""));
  }

  boolean isEmpty() {
    return username.isEmpty() && password.isEmpty();
  }

  /** These credentials, or {@code fromUrl} when the URL carries some. */
  GitCredentials overriddenBy(Optional<GitCredentials> fromUrl) {
    return fromUrl.orElse(this);
  }

  /** The strings that must never appear in a message: the password, and the user name when it is a token. */
  Set<String> secrets() {
    if (password.isEmpty()) {
      return username.isEmpty() ? Set.of() : Set.of(username);
    }
    return username.isEmpty() ? Set.of(password) : Set.of(username, password);
  }

  @Override
  public String toString() {
    return "GitCredentials[" + (isEmpty() ? "none" : "***") + "]";
  }
}
