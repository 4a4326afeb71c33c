package dev.kaniko.executor;

import java.util.Map;
import java.util.Optional;

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

  /** The replacement of {@code flag}, if it is a deprecated alias of the executor. */
  public static Optional<String> replacementOf(String flag) {
    return Optional.ofNullable(EXECUTOR.get(flag));
  }

  /** The warning printed when a deprecated alias is used. */
  public static String warning(String alias) {
    return "flag " + alias + " is deprecated, use " + EXECUTOR.get(alias) + " instead";
  }
}
