package dev.kaniko.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Our own plugin flags, shared by both commands. */
final class PluginFlags {
  @Option(names = "--plugin-dir", paramLabel = "DIR",
      description = "Extra directory of plugin bundles (repeatable; also KANIKO_PLUGIN_DIR).")
  List<Path> pluginDirs = new ArrayList<>();

  @Option(names = "--disable-plugin", paramLabel = "ID",
      description = "Do not load the plugin with this id (repeatable).")
  List<String> disabledPlugins = new ArrayList<>();
}
