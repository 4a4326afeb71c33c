package dev.kaniko.executor;

import dev.kaniko.executor.logging.SecretRedactor;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers the secrets the executor can see up front with the {@link SecretRedactor}: the
 * credential variables kaniko documents and passwords or tokens written into context URIs.
 */
final class KnownSecrets {
  /** Shorter values are not masked: they would garble every line and protect nothing. */
  static final int MIN_LENGTH = 4;

  private static final List<String> VARIABLES = List.of(
      "GIT_TOKEN", "GIT_PASSWORD", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
      "AZURE_STORAGE_ACCESS_KEY", "AZURE_CLIENT_SECRET", "GOOGLE_OAUTH_ACCESS_TOKEN");
  private static final Pattern USER_INFO =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/@?#]+)@");

  private KnownSecrets() {}

  /** Registers the secret variables of {@code env}. */
  static void registerEnvironment(Map<String, String> env) {
    VARIABLES.forEach(name -> register(env.get(name)));
  }

  /** Registers the password of {@code uri}, or its user when it has no password (a token). */
  static void registerUri(String uri) {
    Matcher matcher = USER_INFO.matcher(uri);
    if (matcher.find()) {
      String userInfo = matcher.group(1);
      int colon = userInfo.indexOf(':');
      register(colon < 0 ? userInfo : userInfo.substring(colon + 1));
    }
  }

  private static void register(String value) {
    if (value != null && value.length() >= MIN_LENGTH) {
      SecretRedactor.register(value);
    }
  }
}
