package dev.kaniko.plugins.context.gcs;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;

/**
 * A parsed {@code gs://bucket/object} context location; {@code gs://bucket} alone means kaniko's default object
 * {@value #DEFAULT_OBJECT} (what {@code --bucket BUCKET} resolves to).
 *
 * @param bucket the bucket name
 * @param object the object name
 */
record GcsLocation(String bucket, String object) {

  static final String SCHEME = "gs://";

  /** The object kaniko reads from a bare bucket (kaniko's {@code constants.ContextTar}). */
  static final String DEFAULT_OBJECT = "context.tar.gz";

  static GcsLocation parse(String uri) throws PluginException {
    if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw invalid(uri);
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String object = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty() || rest.contains("?") || rest.contains("#")) {
      throw invalid(uri);
    }
    return new GcsLocation(bucket, object.isEmpty() ? DEFAULT_OBJECT : object);
  }

  private static PluginException invalid(String uri) {
    return new PluginException(Reason.INVALID_CONFIGURATION,
        "invalid GCS context " + uri + ": expected gs://BUCKET/OBJECT (a tarball) or gs://BUCKET");
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + object;
  }
}
