package dev.kaniko.executor;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginInfo;
import dev.kaniko.core.plugin.PluginLoadException;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.plugin.UncheckedPluginException;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugins (distribution {@code plugins/}, {@code --plugin-dir}, {@code KANIKO_PLUGIN_DIR},
 * minus {@code --disable-plugin}) and fetches contexts through the registry's context sources.
 */
final class PluginContextFetchers implements Function<BuildOptions, ContextFetcher> {
  private static final Logger LOG = LoggerFactory.getLogger(PluginContextFetchers.class);

  private final Map<String, String> env;
  private final Optional<Path> distributionPlugins;
  private final StartupTimes startup;

  PluginContextFetchers(Map<String, String> env, Optional<Path> distributionPlugins) {
    this(env, distributionPlugins, StartupTimes.none());
  }

  /** @param startup where plugin loading is timed (the build report's {@code plugins}) */
  PluginContextFetchers(Map<String, String> env, Optional<Path> distributionPlugins,
      StartupTimes startup) {
    this.env = env;
    this.distributionPlugins = distributionPlugins;
    this.startup = startup;
  }

  @Override
  public ContextFetcher apply(BuildOptions options) {
    PluginLoadOptions loadOptions = PluginLoadOptions.forExecutor(distributionPlugins.orElse(null),
        options.pluginDirs(), env, options.disabledPlugins());
    LOG.debug("plugin directories: {}", loadOptions.pluginDirs());
    PluginRegistry registry;
    long start = System.nanoTime();
    try {
      registry = PluginRegistry.load(loadOptions);
    } catch (PluginLoadException e) {
      throw new UserException(e.getMessage(), e);
    } finally {
      startup.add("plugins", System.nanoTime() - start);
    }
    LOG.debug("plugins: {}", registry.plugins().stream()
        .map(PluginContextFetchers::describe).collect(Collectors.joining(", ")));
    return new RegistryContextFetcher(registry, env);
  }

  private static String describe(PluginInfo plugin) {
    return plugin.id() + " " + plugin.version() + " (" + plugin.origin() + ")";
  }

  /** Fetches through the highest-priority context source supporting the URI. */
  private static final class RegistryContextFetcher implements ContextFetcher {
    private final PluginRegistry registry;
    private final Map<String, String> env;

    RegistryContextFetcher(PluginRegistry registry, Map<String, String> env) {
      this.registry = registry;
      this.env = env;
    }

    @Override
    public Path fetch(ContextRequest request, Path targetDir, Path workDir) {
      String uri = request.uri();
      try {
        ContextSourceFactory factory = registry.contextSourceFor(uri)
            .orElseThrow(() -> new UserException("no context source for '" + request.displayUri()
                + "': no loaded plugin supports it (add one with --plugin-dir)"));
        String pluginId = registry.pluginIdOf(factory).orElse(PluginInfo.BUILTIN);
        LOG.debug("context source '{}' of plugin '{}' handles {}", factory.name(), pluginId,
            request.displayUri());
        ContextSource source =
            factory.create(Map.of(), HostPluginContext.of(env, workDir, pluginId));
        return new ContextMaterializer().materialize(source, request, targetDir);
      } catch (PluginException e) {
        throw new UserException("cannot fetch the build context: " + e.getMessage(), e);
      } catch (UncheckedPluginException e) {
        throw new UserException("cannot fetch the build context: " + e.getMessage(), e);
      }
    }

    @Override
    public Optional<PluginRegistry> plugins() {
      return Optional.of(registry);
    }

    @Override
    public void close() {
      registry.close();
    }
  }
}
