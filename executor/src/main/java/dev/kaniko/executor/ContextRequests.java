package dev.kaniko.executor;

import dev.kaniko.core.context.GitOptions;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.spi.ContextRequest;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@link ContextRequest} of a build: {@code --context} (or {@code --bucket}, which wins as in
 * kaniko), {@code --context-sub-path} and the {@code --git} pairs as {@code git.*} options.
 */
final class ContextRequests {
  /** The object kaniko reads from a bucket given without an object path. */
  static final String BUCKET_TARBALL = "context.tar.gz";

  private ContextRequests() {}

  /**
   * The request for {@code options}.
   *
   * @throws UserException for a bad {@code --git} pair (the flag mapping rejects them first)
   */
  static ContextRequest of(BuildOptions options) {
    String uri = options.bucket().map(ContextRequests::bucketUri).orElse(options.context());
    return new ContextRequest(uri, options.contextSubPath(), gitOptions(options.gitOptions()));
  }

  /**
   * kaniko's {@code --bucket}: {@code B} is {@code gs://B/context.tar.gz}, {@code B/obj.tar.gz} is
   * {@code gs://B/obj.tar.gz}; a value with a scheme ({@code s3://...}) is used as given.
   */
  static String bucketUri(String bucket) {
    if (bucket.contains("://")) {
      return bucket;
    }
    String trimmed = bucket.endsWith("/") ? bucket.substring(0, bucket.length() - 1) : bucket;
    return trimmed.contains("/") ? "gs://" + trimmed : "gs://" + trimmed + "/" + BUCKET_TARBALL;
  }

  private static Map<String, String> gitOptions(Map<String, String> pairs) {
    String value = pairs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
    try {
      return GitOptions.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UserException("--git: " + e.getMessage());
    }
  }
}
