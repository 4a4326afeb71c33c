package dev.kaniko.executor;

import java.util.Map;
import java.util.List;

/** kaniko's deprecated flag spellings and the flags that replace them. */
public final class DeprecatedAliases {
  private static final Map<String, String> EXECUTOR =
      Map.of(
          "--snapshotMode", "--snapshot-mode",
          "--customPlatform", "--custom-platform",
          "--tarPath", "--tar-path",
          "--whitelist-var-run", "--ignore-var-run");

  private DeprecatedAliases() {}

  /** The executor's aliases: deprecated name to replacement. */
  public static Map<String, String> executor() {
    return EXECUTOR;
  }

  /** The warning printed when a deprecated alias is used. */
  public static String warning(String alias, String replacement) {
    return "flag " + alias + " is deprecated, use " + replacement + " instead";
  }

  /** Whether {@code alias} occurs after the last {@code replacement} in {@code matchedFlags}. */
  static boolean aliasWins(List<String> matchedFlags, String alias) {
    return matchedFlags.lastIndexOf(alias) > matchedFlags.lastIndexOf(EXECUTOR.get(alias));
  }
}
