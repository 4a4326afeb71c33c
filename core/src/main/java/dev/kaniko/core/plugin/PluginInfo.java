package dev.kaniko.core.plugin;

import java.util.Objects;

/**
 * A loaded plugin as reported to users.
 *
 * @param id the plugin id
 * @param version the bundle version (the host version for built-ins)
 * @param origin {@link #BUILTIN} or the bundle path
 */
public record PluginInfo(String id, String version, String origin) {

  /** Origin of plugins found on the host class path. */
  public static final String BUILTIN = "builtin";

  /** Validates the fields. */
  public PluginInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(origin, "origin");
  }

  /** Whether the plugin comes from the host class path rather than a bundle. */
  public boolean isBuiltin() {
    return BUILTIN.equals(origin);
  }
}
