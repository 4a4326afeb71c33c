package dev.kaniko.executor;

import dev.kaniko.core.auth.CredentialChains;
import dev.kaniko.core.auth.CredentialException;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.auth.DockerConfigCredentials;
import dev.kaniko.core.build.BuildException;
import dev.kaniko.core.build.BuildResult;
import dev.kaniko.core.build.ImageBuilder;
import dev.kaniko.core.build.LayerCacheBackends;
import dev.kaniko.core.build.SnapshotStrategies;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.spi.PluginContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One executor run after the flags are validated: plugins, context, Dockerfile, then the build. */
final class ExecutorRun implements BuildAction {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorRun.class);

  private final Function<BuildOptions, ContextFetcher> contextFetchers;
  private final ContainerDetector containerDetector;
  private final DockerfileLocator dockerfileLocator;
  private final Clock clock;

  ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator) {
    this(contextFetchers, containerDetector, dockerfileLocator, Clock.systemUTC());
  }

  ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator, Clock clock) {
    this.contextFetchers = contextFetchers;
    this.containerDetector = containerDetector;
    this.dockerfileLocator = dockerfileLocator;
    this.clock = clock;
  }

  /**
   * Runs the build.
   *
   * @throws UserException for every failure the user can act on
   */
  @Override
  public void run(BuildOptions options) {
    LOG.debug("build options: {}", options);
    try (ContextFetcher fetcher = contextFetchers.apply(options);
        BuildDirectory buildDir = BuildDirectory.create(options, containerDetector.inContainer())) {
      LOG.debug("context download directory: {}", buildDir.contextDir());
      Path context =
          fetcher.fetch(ContextRequests.of(options), buildDir.contextDir(), buildDir.workDir());
      LOG.info("Using build context {}", context);
      Path dockerfile = dockerfileLocator.locate(options.dockerfile(), context);
      LOG.info("Using Dockerfile {}", dockerfile);
      build(options, buildDir.workDir(), context, dockerfile, credentials(fetcher, buildDir),
          snapshots(fetcher, buildDir), cacheBackends(fetcher, buildDir));
    }
  }

  /** docker config.json (DOCKER_CONFIG, /kaniko/.docker), then the plugins' credential helpers. */
  private static CredentialSource credentials(ContextFetcher fetcher, BuildDirectory buildDir) {
    Map<String, String> env = System.getenv();
    CredentialSource dockerConfig;
    try {
      dockerConfig = DockerConfigCredentials.fromEnvironment(env);
    } catch (CredentialException e) {
      // a broken config.json only matters to builds that talk to a registry
      dockerConfig = registry -> {
        throw e;
      };
    }
    CredentialSource config = dockerConfig;
    return fetcher.plugins().<CredentialSource>map(plugins -> CredentialChains.standard(
        config, plugins, id -> HostPluginContext.of(env, buildDir.workDir(), id)))
        .orElse(config);
  }

  /** The plugins' snapshot strategies (built-in and third-party), chosen by --snapshot-mode. */
  private static SnapshotStrategies snapshots(ContextFetcher fetcher, BuildDirectory buildDir) {
    Map<String, String> env = System.getenv();
    return fetcher.plugins().map(plugins -> SnapshotStrategies.of(plugins,
        id -> (PluginContext) HostPluginContext.of(env, buildDir.workDir(), id)))
        .orElse(SnapshotStrategies.builtin());
  }

  /** The plugins' layer-cache backends, chosen by the scheme of --cache-repo. */
  private static LayerCacheBackends cacheBackends(ContextFetcher fetcher,
      BuildDirectory buildDir) {
    Map<String, String> env = System.getenv();
    return fetcher.plugins().map(plugins -> LayerCacheBackends.of(plugins,
        id -> (PluginContext) HostPluginContext.of(env, buildDir.workDir(), id)))
        .orElse(LayerCacheBackends.builtin());
  }

  private void build(BuildOptions options, Path workDir, Path context, Path dockerfile,
      CredentialSource credentials, SnapshotStrategies snapshots, LayerCacheBackends caches) {
    try {
      BuildResult result = new ImageBuilder(options, workDir, clock, credentials)
          .withSnapshotStrategies(snapshots).withCacheBackends(caches)
          .build(context, dockerfile);
      LOG.debug("build timings: {}", result.timings());
      if (options.report().isPresent()) {
        writeReport(options, result, options.report().get());
      }
    } catch (BuildException e) {
      throw new UserException(e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new UserException("build failed: " + e.getMessage(), e);
    }
  }

  private static void writeReport(BuildOptions options, BuildResult result, Path file) {
    try {
      new BuildReport(result, options.destinations()).writeTo(file);
      LOG.info("Wrote build report {}", file);
    } catch (IOException e) {
      throw new UserException("cannot write the build report " + file + ": " + e.getMessage(), e);
    }
  }
}
