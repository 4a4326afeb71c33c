package dev.kaniko.testsupport;

import java.util.Map;
import java.util.Objects;

/**
 * An image pushed to a test registry: its reference ({@code host:port/repo:tag}), its manifest (or index)
 * digest and, for an index, the digest of each platform's manifest keyed by {@code os/arch}.
 */
public record ImageRef(String reference, String digest, Map<String, String> platformDigests) {

  public ImageRef {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(digest, "digest");
    platformDigests = Map.copyOf(platformDigests);
  }

  public ImageRef(String reference, String digest) {
    this(reference, digest, Map.of());
  }

  /** The reference without its tag: {@code host:port/repo}. */
  public String repository() {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    return colon > slash ? reference.substring(0, colon) : reference;
  }

  /** {@code host:port/repo@sha256:...}. */
  public String digestReference() {
    return repository() + "@" + digest;
  }

  /** The digest of the manifest for {@code platform} ("linux/arm64") in an index. */
  public String platformDigest(String platform) {
    String found = platformDigests.get(platform);
    if (found == null) {
      throw new IllegalArgumentException(reference + " has no manifest for " + platform + "; it has "
          + platformDigests.keySet());
    }
    return found;
  }
}
