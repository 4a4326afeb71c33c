package dev.kaniko.core.plugin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides whether a plugin built against one SPI version runs on a host implementing another. */
final class SpiCompatibility {

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  private SpiCompatibility() {}

  /**
   * Same major version, and the plugin's minor.patch is not newer than the host's.
   *
   * @throws IllegalArgumentException if either version is not {@code major.minor[.patch]}
   */
  static boolean isCompatible(String hostVersion, String pluginVersion) {
    int[] host = parse(hostVersion);
    int[] plugin = parse(pluginVersion);
    if (host[0] != plugin[0]) {
      return false;
    }
    return plugin[1] < host[1] || (plugin[1] == host[1] && plugin[2] <= host[2]);
  }

  private static int[] parse(String version) {
    Matcher matcher = version == null ? null : VERSION.matcher(version.strip());
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException("invalid SPI version '" + version + "' (expected major.minor.patch)");
    }
    int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
    return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch};
  }
}
