package dev.kaniko.core.build;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.cache.CacheBackends;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.registry.RegistryOptionsFromFlags;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the layer cache lives for {@code --cache-repo}: a plugin's {@code CacheBackend} factory
 * named by the value's scheme ({@code s3:bucket/prefix} → the factory {@code s3}, config
 * {@code path} = what follows the colon and {@code ttl} = {@code --cache-ttl}), else the built-in
 * ones ({@code dir:}, {@code oci:}, a registry repository; see {@link CacheBackends}).
 */
public final class LayerCacheBackends {
  private static final Pattern SCHEME = Pattern.compile("([a-z][a-z0-9+.-]*):(.*)");
  /** Built in, handled by {@link CacheBackends} (with the build's clock). */
  private static final Set<String> BUILTIN = Set.of("dir", "oci");

  private final List<ProviderFactory<CacheBackend>> factories;
  private final Function<ProviderFactory<CacheBackend>, PluginContext> contexts;

  private LayerCacheBackends(List<ProviderFactory<CacheBackend>> factories,
      Function<ProviderFactory<CacheBackend>, PluginContext> contexts) {
    this.factories = List.copyOf(factories);
    this.contexts = contexts;
  }

  /** The registry's cache backends (plugins), by name, plus the built-in ones. */
  public static LayerCacheBackends of(PluginRegistry registry,
      Function<String, PluginContext> contexts) {
    return new LayerCacheBackends(registry.factories(CacheBackend.class),
        factory -> contexts.apply(registry.pluginIdOf(factory).orElse("builtin")));
  }

  /** Plugin factories given directly (tests, embedding hosts). */
  public static LayerCacheBackends of(List<ProviderFactory<CacheBackend>> factories,
      PluginContext context) {
    return new LayerCacheBackends(factories, factory -> context);
  }

  /** The built-in backends only. */
  public static LayerCacheBackends builtin() {
    return new LayerCacheBackends(List.of(), factory -> null);
  }

  /** The backend for the build's {@code --cache-repo} (or kaniko's default). */
  CacheBackend open(BuildOptions options, CredentialSource credentials, Path workDir)
      throws BuildException {
    Optional<String> repo = options.cacheRepo().filter(r -> !r.isBlank());
    if (repo.isPresent()) {
      Optional<CacheBackend> plugin = fromPlugin(repo.get(), options);
      if (plugin.isPresent()) {
        return plugin.get();
      }
    }
    try {
      return CacheBackends.forRepo(repo, destinations(options), options.cacheTtl(),
          RegistryOptionsFromFlags.forBuild(options), credentials, workDir, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private Optional<CacheBackend> fromPlugin(String repo, BuildOptions options)
      throws BuildException {
    Matcher m = SCHEME.matcher(repo);
    if (!m.matches() || BUILTIN.contains(m.group(1))) {
      return Optional.empty();
    }
    for (ProviderFactory<CacheBackend> factory : factories) {
      if (factory.name().equals(m.group(1))) {
        Map<String, String> config = Map.of("path", m.group(2),
            "ttl", options.cacheTtl().toSeconds() + "s");
        try {
          return Optional.of(factory.create(config, contexts.apply(factory)));
        } catch (PluginException | RuntimeException e) {
          throw new BuildException("--cache-repo " + repo + ": " + e.getMessage(), e);
        }
      }
    }
    return Optional.empty();
  }

  private static List<ImageReference> destinations(BuildOptions options) throws BuildException {
    List<ImageReference> parsed = new ArrayList<>();
    for (String destination : options.destinations()) {
      try {
        parsed.add(ImageReference.parse(destination));
      } catch (IllegalArgumentException e) {
        throw new BuildException("--destination " + destination + ": " + e.getMessage(), e);
      }
    }
    return parsed;
  }
}
