package dev.kaniko.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What to fetch: the {@code --context} value, the {@code --context-sub-path} ("" when none) and
 * source-specific options (e.g. the {@code --git} pairs as {@code git.branch}, {@code git.single-branch}).
 *
 * <p>The URI may carry a secret (a token as user-info, a signed query): print {@link #displayUri()},
 * never {@link #uri()}. {@link #toString()} masks it too.
 *
 * @param uri the context URI or path
 * @param subPath relative directory inside the context to use as the context root, "" for none
 * @param options source-specific options, keys prefixed by the source kind ({@code git.branch})
 */
public record ContextRequest(String uri, String subPath, Map<String, String> options) {

  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");
  private static final Pattern QUERY = Pattern.compile("\\?[^#]*");

  /** Validates and normalizes: a {@code null} sub-path becomes "", {@code null} options none. */
  public ContextRequest {
    Objects.requireNonNull(uri, "uri");
    subPath = subPath == null ? "" : subPath;
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** A request without options. */
  public ContextRequest(String uri, String subPath) {
    this(uri, subPath, Map.of());
  }

  /** A request without sub-path and options. */
  public static ContextRequest of(String uri) {
    return new ContextRequest(uri, "", Map.of());
  }

  /** The option {@code key}, if set. */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** The URI for messages and logs: user-info and query (tokens, signatures) replaced by {@code ***}. */
  public String displayUri() {
    return maskUri(uri);
  }

  /**
   * Masks the secrets a context URI may carry: the user-info ({@code https://TOKEN@host/...} becomes
   * {@code https://***@host/...}) and the query ({@code ?sig=...} becomes {@code ?***}).
   */
  public static String maskUri(String uri) {
    String masked = USER_INFO.matcher(uri).replaceFirst("$1***@");
    return QUERY.matcher(masked).replaceFirst("?***");
  }

  @Override
  public String toString() {
    return "ContextRequest[uri=" + displayUri() + ", subPath=" + subPath + ", options=" + new TreeMap<>(options) + "]";
  }
}
