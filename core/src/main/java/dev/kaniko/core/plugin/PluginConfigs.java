package dev.kaniko.core.plugin;

import dev.kaniko.spi.ProviderFactory;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Renders provider configuration for logs with the factory's sensitive keys redacted. */
public final class PluginConfigs {

  /** What a sensitive value is replaced with. */
  public static final String REDACTED = "<redacted>";

  private PluginConfigs() {}

  /**
   * Renders {@code config} as {@code {key=value, ...}} (sorted by key), replacing the values of
   * {@link ProviderFactory#sensitiveConfigKeys()} with {@value #REDACTED}.
   */
  public static String toLogString(ProviderFactory<?> factory, Map<String, String> config) {
    StringJoiner joiner = new StringJoiner(", ", "{", "}");
    new TreeMap<>(config).forEach((key, value) ->
        joiner.add(key + "=" + (factory.sensitiveConfigKeys().contains(key) ? REDACTED : value)));
    return joiner.toString();
  }
}
