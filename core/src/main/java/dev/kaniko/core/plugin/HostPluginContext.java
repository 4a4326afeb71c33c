package dev.kaniko.core.plugin;

import dev.kaniko.spi.PluginContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The host's {@link PluginContext}: an environment map, a scratch directory and a logger.
 *
 * @param env the build's environment
 * @param workDir a writable scratch directory for the plugin
 * @param logger the plugin's logger
 */
public record HostPluginContext(Map<String, String> env, Path workDir, System.Logger logger)
    implements PluginContext {

  /** Copies the environment and checks the fields. */
  public HostPluginContext {
    env = Map.copyOf(env);
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(logger, "logger");
  }

  /** A context whose logger is named {@code kaniko.plugin.<pluginId>}. */
  public static HostPluginContext of(Map<String, String> env, Path workDir, String pluginId) {
    return new HostPluginContext(env, workDir, System.getLogger("kaniko.plugin." + pluginId));
  }

  @Override
  public String toString() {
    return "HostPluginContext{workDir=" + workDir + ", env=<" + env.size() + " variables>}";
  }
}
