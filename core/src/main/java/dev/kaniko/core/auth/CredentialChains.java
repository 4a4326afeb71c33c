package dev.kaniko.core.auth;

import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the credential chain registries use: docker config.json first, then plugin helpers by priority. */
public final class CredentialChains {

  /**
   * config.json helper names served by a stock plugin's {@code CredentialHelper} (by factory name) when
   * {@code docker-credential-<name>} is not installed: {@code ecr-login} by {@code ecr}, {@code acr-env} by
   * {@code acr}, {@code gcr} and {@code gcloud} by {@code gcr}.
   */
  public static final Map<String, String> HELPER_PLUGINS =
      Map.of("ecr-login", "ecr", "acr-env", "acr", "gcr", "gcr", "gcloud", "gcr");

  private CredentialChains() {}

  /**
   * The chain {@code dockerConfig}, then every {@code CredentialHelper} factory of {@code plugins}
   * (highest priority first), each created lazily with an empty config. Helpers named in config.json
   * are mapped to plugins by {@link #HELPER_PLUGINS}.
   *
   * @param contexts the plugin context for a factory, given the id of the plugin that contributed it
   */
  public static CredentialChain standard(CredentialSource dockerConfig, PluginRegistry plugins,
      Function<String, PluginContext> contexts) {
    return standard(dockerConfig, plugins, contexts, HELPER_PLUGINS);
  }

  /**
   * As {@link #standard(CredentialSource, PluginRegistry, Function)} with another helper-name to
   * factory-name mapping; it applies when {@code dockerConfig} is a {@link DockerConfigCredentials}.
   */
  public static CredentialChain standard(CredentialSource dockerConfig, PluginRegistry plugins,
      Function<String, PluginContext> contexts, Map<String, String> helperPlugins) {
    Map<String, CredentialSource> byFactoryName = new HashMap<>();
    List<CredentialSource> pluginSources = new ArrayList<>();
    for (var factory : plugins.factories(CredentialHelper.class)) {
      String pluginId = plugins.pluginIdOf(factory).orElse(factory.name());
      PluginCredentialSource source = new PluginCredentialSource(factory, Map.of(), contexts.apply(pluginId));
      byFactoryName.put(factory.name(), source);
      pluginSources.add(source);
    }
    List<CredentialSource> sources = new ArrayList<>();
    sources.add(withBuiltins(dockerConfig, helperPlugins, byFactoryName));
    sources.addAll(pluginSources);
    return new CredentialChain(sources);
  }

  private static CredentialSource withBuiltins(CredentialSource dockerConfig, Map<String, String> helperPlugins,
      Map<String, CredentialSource> byFactoryName) {
    if (!(dockerConfig instanceof DockerConfigCredentials config)) {
      return dockerConfig;
    }
    Map<String, CredentialSource> builtins = new HashMap<>();
    helperPlugins.forEach((helper, factoryName) -> {
      CredentialSource source = byFactoryName.get(factoryName);
      if (source != null) {
        builtins.put(helper, source);
      }
    });
    return config.withBuiltinHelpers(builtins);
  }
}
