package dev.kaniko.core.plugin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where to find plugin bundles and which plugin ids to leave unloaded.
 *
 * @param pluginDirs directories holding bundles, in order: the distribution's {@code plugins/},
 *     then {@code --plugin-dir} values, then {@code KANIKO_PLUGIN_DIR} entries; each must exist
 * @param disabledPluginIds ids given with {@code --disable-plugin}
 */
public record PluginLoadOptions(List<Path> pluginDirs, Set<String> disabledPluginIds) {

  /** Environment variable holding extra plugin directories, separated by {@link File#pathSeparator}. */
  public static final String PLUGIN_DIR_ENV = "KANIKO_PLUGIN_DIR";

  /** Copies the collections. */
  public PluginLoadOptions {
    pluginDirs = List.copyOf(pluginDirs);
    disabledPluginIds = Set.copyOf(disabledPluginIds);
  }

  /** Built-in plugins only. */
  public static PluginLoadOptions builtinOnly() {
    return new PluginLoadOptions(List.of(), Set.of());
  }

  /**
   * Assembles the options the executor uses.
   *
   * @param distributionDir the distribution's {@code plugins/} directory; left out when {@code null}
   *     or not an existing directory (running outside the distribution), unlike the other dirs
   * @param pluginDirFlags the {@code --plugin-dir} values
   * @param env the process environment (for {@value #PLUGIN_DIR_ENV})
   * @param disabledPluginIds the {@code --disable-plugin} values
   * @return options listing the distribution dir, the flag dirs, then the environment dirs
   */
  public static PluginLoadOptions forExecutor(
      Path distributionDir, List<Path> pluginDirFlags, Map<String, String> env, Set<String> disabledPluginIds) {
    List<Path> dirs = new ArrayList<>();
    if (distributionDir != null && Files.isDirectory(distributionDir)) {
      dirs.add(distributionDir);
    }
    dirs.addAll(pluginDirFlags);
    dirs.addAll(dirsFromEnv(env));
    return new PluginLoadOptions(dirs, disabledPluginIds);
  }

  /**
   * Reads {@value #PLUGIN_DIR_ENV} from an environment map.
   *
   * @param env environment variables
   * @return the listed directories in order, empty entries dropped; empty when the variable is unset
   */
  public static List<Path> dirsFromEnv(Map<String, String> env) {
    String value = env.get(PLUGIN_DIR_ENV);
    if (value == null) {
      return List.of();
    }
    List<Path> dirs = new ArrayList<>();
    for (String entry : value.split(Pattern.quote(File.pathSeparator))) {
      if (!entry.isBlank()) {
        dirs.add(Path.of(entry.strip()));
      }
    }
    return List.copyOf(dirs);
  }
}
