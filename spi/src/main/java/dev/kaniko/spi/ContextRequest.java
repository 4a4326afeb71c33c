package dev.kaniko.spi;

import java.util.Objects;

/**
 * What to fetch: the {@code --context} value and the {@code --context-sub-path} ("" when none).
 *
 * @param uri the context URI or path
 * @param subPath relative directory inside the context to use as the context root, "" for none
 */
public record ContextRequest(String uri, String subPath) {

  /** Validates and normalizes: a {@code null} sub-path becomes "". */
  public ContextRequest {
    Objects.requireNonNull(uri, "uri");
    subPath = subPath == null ? "" : subPath;
  }

  /** A request without sub-path. */
  public static ContextRequest of(String uri) {
    return new ContextRequest(uri, "");
  }
}
