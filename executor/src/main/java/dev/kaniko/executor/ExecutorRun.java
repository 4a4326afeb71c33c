package dev.kaniko.executor;

import dev.kaniko.core.auth.CredentialChains;
import dev.kaniko.core.auth.CredentialException;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.auth.DockerConfigCredentials;
import dev.kaniko.core.build.BuildException;
import dev.kaniko.core.build.BuildResult;
import dev.kaniko.core.build.GitSources;
import dev.kaniko.core.build.BuildTimings;
import dev.kaniko.core.build.ImageBuilder;
import dev.kaniko.core.build.LayerCacheBackends;
import dev.kaniko.core.build.SnapshotStrategies;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.rootfs.IgnoredPaths;
import dev.kaniko.core.rootfs.RootfsDecision;
import dev.kaniko.core.rootfs.RootfsMode;
import dev.kaniko.core.rootfs.RootfsModeException;
import dev.kaniko.core.rootfs.RootfsModeResolver;
import dev.kaniko.spi.PluginContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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
  private final Optional<Path> executorHome;
  private static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";
  private final StartupTimes startup;

  ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator) {
    this(contextFetchers, containerDetector, dockerfileLocator, Clock.systemUTC());
  }

  /** @param startup the start-up phases timed so far, for the build report */
  ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator,
      StartupTimes startup) {
    this(contextFetchers, containerDetector, dockerfileLocator, Clock.systemUTC(),
        DistributionLayout.home(), startup);
  }

  ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator, Clock clock) {
    this(contextFetchers, containerDetector, dockerfileLocator, clock, DistributionLayout.home());
  }

  /**
   * @param executorHome the distribution the executor runs from ({@code kaniko.home}); inside the
   *     kaniko dir it means "the executor image", where a container builds in place by default
   */
  ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator, Clock clock,
      Optional<Path> executorHome) {
    this(contextFetchers, containerDetector, dockerfileLocator, clock, executorHome,
        StartupTimes.none());
  }

  private ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator, Clock clock,
      Optional<Path> executorHome, StartupTimes startup) {
    this.contextFetchers = contextFetchers;
    this.containerDetector = containerDetector;
    this.dockerfileLocator = dockerfileLocator;
    this.clock = clock;
    this.executorHome = executorHome;
    this.startup = startup;
  }

  /**
   * Runs the build.
   *
   * @throws UserException for every failure the user can act on
   */
  @Override
  public void run(BuildOptions options) {
    LOG.debug("build options: {}", options);
    RootfsDecision rootfs = rootfsDecision(options);
    boolean inPlace = rootfs.mode() == RootfsMode.IN_PLACE;
    if (inPlace) {
      LOG.info("Building in place on / ({})", rootfs.reason());
      prepareJvmForInPlace(options.kanikoDir());
    } else {
      LOG.debug("Building in chroot mode ({})", rootfs.reason());
    }
    boolean underKanikoDir =
        inPlace || (containerDetector.inContainer() && options.rootfs().isEmpty());
    try (ContextFetcher fetcher = contextFetchers.apply(options);
        BuildDirectory buildDir = BuildDirectory.create(options, underKanikoDir)) {
      LOG.debug("context download directory: {}", buildDir.contextDir());
      long fetching = System.nanoTime();
      Path context =
          fetcher.fetch(ContextRequests.of(options), buildDir.contextDir(), buildDir.workDir());
      startup.add("context", System.nanoTime() - fetching);
      LOG.info("Using build context {}", context);
      Path dockerfile = dockerfileLocator.locate(options.dockerfile(), context);
      LOG.info("Using Dockerfile {}", dockerfile);
      build(options, buildDir.workDir(), context, dockerfile, credentials(fetcher, buildDir),
          snapshots(fetcher, buildDir), gitSources(fetcher, buildDir), cacheBackends(fetcher, buildDir),
          inPlace ? Optional.of(InPlaceIgnores.of(options, executorHome)) : Optional.empty());
    }
  }

  /**
   * In place or chroot (kaniko's rules plus ours, {@link RootfsModeResolver}); {@code --rootfs /}
   * outside a container without {@code --force} is kaniko's one-line error, before anything else.
   */
  private RootfsDecision rootfsDecision(BuildOptions options) {
    try {
      return new RootfsModeResolver(containerDetector.engineDetector(),
          () -> Path.of(System.getProperty("java.io.tmpdir")))
          .decide(options.rootfs(), options.force(), fromExecutorImage(options.kanikoDir()));
    } catch (RootfsModeException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * In place, {@code /} becomes the image being built: the JDK's default process launch runs
   * {@code jspawnhelper}, a dynamically linked program whose loader ({@code /lib64/ld-linux...})
   * the base image need not have, so FORK execs RUN's program straight from the executor; and the
   * JVM's temp files (native libraries it unpacks) go to {@code <kaniko-dir>/tmp}, not to the
   * image's /tmp. Both are read by the JDK at first use, which comes after this.
   */
  private static void prepareJvmForInPlace(Path kanikoDir) {
    if (System.getProperty(LAUNCH_MECHANISM) == null) {
      System.setProperty(LAUNCH_MECHANISM, "FORK");
    }
    try {
      Path tmp = Files.createDirectories(kanikoDir.toAbsolutePath().resolve("tmp"));
      System.setProperty("java.io.tmpdir", tmp.toString());
    } catch (IOException e) {
      throw new UserException("cannot create " + kanikoDir.resolve("tmp") + ": " + e.getMessage(), e);
    }
  }

  /** Whether the executor runs from its own image: its distribution lies in the kaniko dir. */
  private boolean fromExecutorImage(Path kanikoDir) {
    if (executorHome.isEmpty() || !Files.isDirectory(kanikoDir)) {
      return false;
    }
    try {
      return executorHome.get().toRealPath().startsWith(kanikoDir.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** ADD's git repositories through the plugins' git context source (context-git). */
  private static GitSources gitSources(ContextFetcher fetcher, BuildDirectory buildDir) {
    return fetcher.plugins().map(plugins -> GitSources.of(plugins, System.getenv(),
        buildDir.workDir())).orElse(GitSources.none());
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
      CredentialSource credentials, SnapshotStrategies snapshots, GitSources git,
      LayerCacheBackends caches, Optional<IgnoredPaths> inPlace) {
    try {
      startup.buildStarts(System.currentTimeMillis());
      ImageBuilder builder = new ImageBuilder(options, workDir, clock, credentials)
          .withSnapshotStrategies(snapshots).withGitSources(git).withCacheBackends(caches);
      inPlace.ifPresent(builder::inPlace);
      BuildResult result = builder.build(context, dockerfile);
      LOG.debug("build timings: {}", result.timings());
      if (options.report().isPresent()) {
        writeReport(options, result, options.report().get(), startup);
      }
    } catch (BuildException e) {
      throw new UserException(e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new UserException("build failed: " + e.getMessage(), e);
    }
  }

  private static void writeReport(BuildOptions options, BuildResult result, Path file,
      StartupTimes startup) {
    try {
      new BuildReport(result, options.destinations(),
          startup.toMap(result.instructions().stream().findFirst()
              .map(BuildTimings.InstructionTime::started))).writeTo(file);
      LOG.info("Wrote build report {}", file);
    } catch (IOException e) {
      throw new UserException("cannot write the build report " + file + ": " + e.getMessage(), e);
    }
  }
}
