package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Loads the plugins named by the options and fetches contexts through their registry. */
final class PluginContextFetchers implements Function<BuildOptions, ContextFetcher> {
  private final Map<String, String> env;
  private final Optional<Path> distributionPlugins;

  PluginContextFetchers(Map<String, String> env, Optional<Path> distributionPlugins) {
    this.env = env;
    this.distributionPlugins = distributionPlugins;
  }

  @Override
  public ContextFetcher apply(BuildOptions options) {
    throw new UserException("loading plugins is not supported yet");
  }
}
