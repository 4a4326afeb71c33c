package dev.kaniko.core.cache;

import dev.kaniko.core.image.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Composite layer-cache keys: sha256 hex over the parent key, the expanded instruction, the visible
 * build args and env (sorted), and for COPY/ADD the sources' content digest. Fields are
 * length-prefixed, so no two different inputs share an encoding.
 */
public final class CacheKeys {
  private static final String VERSION = "kaniko-jvm-cache-key/v1";

  private CacheKeys() {}

  /** The key at the root of a stage: derived from the base image's manifest digest. */
  public static String root(String baseImageDigest) {
    Objects.requireNonNull(baseImageDigest, "baseImageDigest");
    KeyHasher hasher = new KeyHasher();
    hasher.field("root").field(baseImageDigest);
    return hasher.hex();
  }

  /**
   * The key of one step.
   *
   * @param parentKey key of the previous step (or {@link #root})
   * @param instruction the instruction text after variable expansion
   * @param buildArgs build args visible to the step (order does not matter)
   * @param env environment visible to the step (order does not matter)
   * @param sourcesDigest for COPY/ADD, {@link SourceDigester}'s digest of the sources
   * @return 64 lowercase hex digits
   */
  public static String step(String parentKey, String instruction, Map<String, String> buildArgs,
      Map<String, String> env, Optional<String> sourcesDigest) {
    Objects.requireNonNull(parentKey, "parentKey");
    Objects.requireNonNull(instruction, "instruction");
    KeyHasher hasher = new KeyHasher();
    hasher.field("parent").field(parentKey).field("instruction").field(instruction);
    hasher.map("args", buildArgs).map("env", env);
    hasher.field("sources").field(sourcesDigest.orElse(""));
    return hasher.hex();
  }

  /** Whether {@code key} looks like a key made here (64 lowercase hex digits). */
  public static boolean isValid(String key) {
    return key != null && key.matches("[0-9a-f]{64}");
  }

  /** Throws a one-line error unless {@code key} is valid. */
  public static String requireValid(String key) {
    if (!isValid(key)) {
      throw new IllegalArgumentException("invalid cache key '" + key + "': expected 64 lowercase hex digits");
    }
    return key;
  }

  private static final class KeyHasher {
    private final MessageDigest digest = Digests.newMessageDigest("sha256");

    KeyHasher() {
      field(VERSION);
    }

    KeyHasher field(String value) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
      return this;
    }

    KeyHasher map(String name, Map<String, String> values) {
      TreeMap<String, String> sorted = new TreeMap<>(values == null ? Map.of() : values);
      field(name).field(Integer.toString(sorted.size()));
      sorted.forEach((k, v) -> field(k).field(v == null ? "\u0000unset" : v));
      return this;
    }

    String hex() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
