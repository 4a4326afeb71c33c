package dev.kaniko.core.auth;

import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the credential chain registries use: docker config.json first, then plugin helpers by priority. */
public final class CredentialChains {

  private CredentialChains() {}

  /**
   * The chain {@code dockerConfig}, then every {@code CredentialHelper} factory of {@code plugins}
   * (highest priority first), each created lazily with an empty config.
   *
   * @param contexts the plugin context for a factory, given the id of the plugin that contributed it
   */
  public static CredentialChain standard(CredentialSource dockerConfig, PluginRegistry plugins,
      Function<String, PluginContext> contexts) {
    List<CredentialSource> sources = new ArrayList<>();
    sources.add(dockerConfig);
    for (var factory : plugins.factories(CredentialHelper.class)) {
      String pluginId = plugins.pluginIdOf(factory).orElse(factory.name());
      sources.add(new PluginCredentialSource(factory, Map.of(), contexts.apply(pluginId)));
    }
    return new CredentialChain(sources);
  }
}
