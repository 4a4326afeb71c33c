package dev.kaniko.plugins.context.s3;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;

/**
 * A parsed {@code s3://bucket/key} context location.
 *
 * @param bucket the bucket name
 * @param key the object key, without a leading slash
 */
record S3Location(String bucket, String key) {

  static final String SCHEME = "s3://";

  /** Parses {@code s3://bucket/key}; bucket and key must both be present. */
  static S3Location parse(String uri) throws PluginException {
    if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw invalid(uri);
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1 || rest.contains("?") || rest.contains("#")) {
      throw invalid(uri);
    }
    return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  private static PluginException invalid(String uri) {
    return new PluginException(
        Reason.INVALID_CONFIGURATION, "invalid S3 context " + uri + ": expected s3://BUCKET/KEY (a tarball)");
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
