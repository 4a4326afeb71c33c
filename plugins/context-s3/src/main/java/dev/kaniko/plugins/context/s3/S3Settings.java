package dev.kaniko.plugins.context.s3;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach S3, read from the build's environment (no SDK types).
 *
 * @param endpoint {@code S3_ENDPOINT}: an S3-compatible endpoint, or empty for AWS
 * @param forcePathStyle {@code S3_FORCE_PATH_STYLE}: {@code bucket} in the path instead of the host name
 * @param region {@code AWS_REGION} or {@code AWS_DEFAULT_REGION}, or empty for the SDK's region chain
 * @param accessKeyId {@code AWS_ACCESS_KEY_ID}, or empty for the SDK's default credential chain
 * @param secretAccessKey {@code AWS_SECRET_ACCESS_KEY} (a secret: never printed)
 * @param sessionToken {@code AWS_SESSION_TOKEN} (a secret: never printed), or empty
 */
record S3Settings(
    Optional<URI> endpoint,
    boolean forcePathStyle,
    Optional<String> region,
    Optional<String> accessKeyId,
    Optional<String> secretAccessKey,
    Optional<String> sessionToken) {

  static final String ENDPOINT = "S3_ENDPOINT";
  static final String FORCE_PATH_STYLE = "S3_FORCE_PATH_STYLE";

  /** Reads the settings from {@code env}. */
  static S3Settings from(Map<String, String> env) throws PluginException {
    Optional<String> accessKey = value(env, "AWS_ACCESS_KEY_ID");
    Optional<String> secret = value(env, "AWS_SECRET_ACCESS_KEY");
    if (accessKey.isPresent() != secret.isPresent()) {
      throw new PluginException(Reason.INVALID_CONFIGURATION,
          "S3 context: set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
    }
    return new S3Settings(
        endpoint(env),
        flag(env, FORCE_PATH_STYLE),
        value(env, "AWS_REGION").or(() -> value(env, "AWS_DEFAULT_REGION")),
        accessKey,
        secret,
        value(env, "AWS_SESSION_TOKEN"));
  }

  private static Optional<URI> endpoint(Map<String, String> env) throws PluginException {
    Optional<String> raw = value(env, ENDPOINT);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String text = raw.get().contains("://") ? raw.get() : "https://" + raw.get();
    try {
      URI uri = URI.create(text);
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException("no http(s) host");
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, ENDPOINT + " is not an http(s) URL: " + raw.get());
    }
  }

  private static boolean flag(Map<String, String> env, String name) throws PluginException {
    Optional<String> raw = value(env, name);
    if (raw.isEmpty()) {
      return false;
    }
    switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes":
        return true;
      case "false", "0", "no":
        return false;
      default:
        throw new PluginException(Reason.INVALID_CONFIGURATION, name + " must be true or false, not " + raw.get());
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("aws") + ", forcePathStyle=" + forcePathStyle
        + ", region=" + region.orElse("(chain)") + ", credentials="
        + (accessKeyId.isPresent() ? "environment" : "default chain") + "]";
  }
}
