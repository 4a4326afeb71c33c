package dev.kaniko.core.context;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses kaniko's {@code --git} value ({@code branch=dev,single-branch=true,recurse-submodules=false,
 * insecure-skip-tls=false}) into {@code ContextRequest} options ({@code git.branch}, ...).
 */
public final class GitOptions {

  /** Option key prefix. */
  public static final String PREFIX = "git.";
  /** Branch (or tag) to clone. */
  public static final String BRANCH = PREFIX + "branch";
  /** Fetch only the branch's history. */
  public static final String SINGLE_BRANCH = PREFIX + "single-branch";
  /** Clone submodules too. */
  public static final String RECURSE_SUBMODULES = PREFIX + "recurse-submodules";
  /** Skip TLS verification. */
  public static final String INSECURE_SKIP_TLS = PREFIX + "insecure-skip-tls";

  private static final Set<String> BOOLEANS = Set.of(SINGLE_BRANCH, RECURSE_SUBMODULES, INSECURE_SKIP_TLS);

  private GitOptions() {}

  /**
   * The options of one {@code --git} value (may be repeated and merged by the caller); "" gives none.
   *
   * @throws IllegalArgumentException naming the bad pair, for an unknown key, a pair without
   *     {@code =} or a non-boolean value of a boolean option
   */
  public static Map<String, String> parse(String value) {
    Map<String, String> options = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return options;
    }
    for (String pair : value.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("invalid --git option \"" + pair + "\": expected key=value");
      }
      String key = PREFIX + pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String raw = pair.substring(eq + 1).strip();
      options.put(key, validated(key, raw, pair));
    }
    return options;
  }

  private static String validated(String key, String raw, String pair) {
    if (key.equals(BRANCH)) {
      return raw;
    }
    if (!BOOLEANS.contains(key)) {
      throw new IllegalArgumentException("unknown --git option \"" + pair
          + "\": expected branch, single-branch, recurse-submodules or insecure-skip-tls");
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    if (!lower.equals("true") && !lower.equals("false")) {
      throw new IllegalArgumentException("invalid --git option \"" + pair + "\": expected true or false");
    }
    return lower;
  }
}
