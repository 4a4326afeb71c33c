package dev.kaniko.core.plugin;

import java.util.List;

/** A plugin instance that passed loading: its info and its guarded factories. */
record LoadedPlugin(PluginInfo info, List<GuardedProviderFactory<?>> factories) {

  LoadedPlugin {
    factories = List.copyOf(factories);
  }
}
