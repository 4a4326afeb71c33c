package dev.kaniko.executor;

import dev.kaniko.core.auth.CredentialChains;
import dev.kaniko.core.auth.CredentialException;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.auth.DockerConfigCredentials;
import dev.kaniko.core.cache.BaseImageCache;
import dev.kaniko.core.cache.CachedImage;
import dev.kaniko.core.dockerfile.BuildPlanner;
import dev.kaniko.core.dockerfile.Dockerfile;
import dev.kaniko.core.dockerfile.DockerfileException;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Platform;
import dev.kaniko.core.options.WarmerOptions;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadException;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.registry.ImagePuller;
import dev.kaniko.core.registry.PulledImage;
import dev.kaniko.core.registry.RegistryException;
import dev.kaniko.core.registry.RegistryOptionsFromFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warmer's work: resolves the images to cache ({@code --image}s, then the base images of
 * {@code --dockerfile}) and pulls each one that is missing or stale (or all, with {@code --force})
 * into the {@link BaseImageCache} at {@code --cache-dir}.
 */
final class WarmerRun {
  private static final Logger LOG = LoggerFactory.getLogger(WarmerRun.class);

  private final Map<String, String> env;
  private final Clock clock;
  private final Optional<Path> distributionPlugins;

  WarmerRun(Map<String, String> env, Clock clock, Optional<Path> distributionPlugins) {
    this.env = env;
    this.clock = clock;
    this.distributionPlugins = distributionPlugins;
  }

  /** Caches every selected image; throws {@link UserException} (one line) on the first failure. */
  void run(WarmerOptions options) {
    Platform platform = platform(options);
    List<ImageReference> images = images(options, platform);
    BaseImageCache cache = new BaseImageCache(options.cacheDir(), options.cacheTtl(), clock);
    try (ImagePuller puller = new ImagePuller(RegistryOptionsFromFlags.forWarmer(options), credentials(options))) {
      for (ImageReference image : images) {
        warm(cache, puller, image, platform, options.force());
      }
    }
  }

  private void warm(BaseImageCache cache, ImagePuller puller, ImageReference image, Platform platform,
      boolean force) {
    try {
      if (!force && cache.isFresh(image, platform)) {
        LOG.info("{} ({}) is already cached in {} and younger than --cache-ttl; skipping", image, platform,
            cache.root());
        return;
      }
      try (BaseImageCache.Staging staging = cache.stage()) {
        PulledImage pulled = puller.pull(image, platform);
        puller.pullLayers(pulled, staging.layersDir());
        CachedImage cached = cache.commit(staging, pulled, platform, true);
        LOG.info("cached {} ({}) as {} in {}", image, platform, cached.digest(), cache.root());
      }
    } catch (RegistryException e) {
      throw new UserException("cannot cache " + image + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UserException("cannot cache " + image + " in " + cache.root() + ": " + e.getMessage(), e);
    }
  }

  private static Platform platform(WarmerOptions options) {
    try {
      return options.customPlatform().map(Platform::parse).orElseGet(Platform::host);
    } catch (IllegalArgumentException e) {
      throw new UserException("--customPlatform: " + e.getMessage());
    }
  }

  /** The {@code --image}s, then the Dockerfile's base images, without duplicates. */
  private static List<ImageReference> images(WarmerOptions options, Platform platform) {
    Set<String> names = new LinkedHashSet<>(options.images());
    options.dockerfile().ifPresent(file -> names.addAll(baseImages(file, options.buildArgs(), platform)));
    List<ImageReference> references = new ArrayList<>();
    for (String name : names) {
      try {
        references.add(ImageReference.parse(name));
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    if (references.isEmpty()) {
      throw new UserException("nothing to cache: " + options.dockerfile().orElseThrow()
          + " has no registry base image");
    }
    return references;
  }

  private static List<String> baseImages(Path file, Map<String, String> buildArgs, Platform platform) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException("Dockerfile " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("cannot read Dockerfile " + file + ": " + e.getMessage(), e);
    }
    try {
      Dockerfile dockerfile = Dockerfile.parse(file.getFileName().toString(), text);
      return new BuildPlanner(buildArgs, Platform.host(), platform).plan(dockerfile, Optional.empty(), false)
          .baseImages();
    } catch (DockerfileException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private CredentialSource credentials(WarmerOptions options) {
    PluginRegistry plugins;
    try {
      plugins = PluginRegistry.load(PluginLoadOptions.forExecutor(distributionPlugins.orElse(null),
          options.pluginDirs(), env, options.disabledPlugins()));
    } catch (PluginLoadException e) {
      throw new UserException(e.getMessage(), e);
    }
    Path workDir = options.cacheDir().resolve("tmp").resolve("plugins");
    try {
      return CredentialChains.standard(DockerConfigCredentials.fromEnvironment(env), plugins,
          pluginId -> HostPluginContext.of(env, workDir.resolve(pluginId), pluginId));
    } catch (CredentialException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
