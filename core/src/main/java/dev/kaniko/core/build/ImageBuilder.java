package dev.kaniko.core.build;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.copy.DockerIgnore;
import dev.kaniko.core.dockerfile.BuildPlan;
import dev.kaniko.core.dockerfile.BuildPlanner;
import dev.kaniko.core.dockerfile.Dockerfile;
import dev.kaniko.core.dockerfile.DockerfileException;
import dev.kaniko.core.dockerfile.PlannedStage;
import dev.kaniko.core.image.AssembledImage;
import dev.kaniko.core.image.Compression;
import dev.kaniko.core.image.ContainerConfig;
import dev.kaniko.core.image.ImageAssembler;
import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.Platform;
import dev.kaniko.core.layer.LayerOptions;
import dev.kaniko.core.layer.LayerWriter;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.rootfs.IgnoredPaths;
import dev.kaniko.core.rootfs.RootfsCleaner;
import dev.kaniko.core.snapshot.SnapshotMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build engine: Dockerfile and context in, image out. Plans the stages, builds each in its
 * own rootfs directory under the work dir, assembles the target stage's image (the registry
 * base's manifest family, else OCI)
 * and writes the outputs the options ask for, then pushes it to the destinations. One instance
 * per build.
 */
public final class ImageBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(ImageBuilder.class);
  private static final Instant EPOCH = Instant.EPOCH;

  private final BuildOptions options;
  private final Path workDir;
  private final Clock clock;
  private final Map<String, String> env;
  private final Optional<CredentialSource> credentials;
  private SnapshotStrategies snapshots = SnapshotStrategies.builtin();
  private GitSources gitSources = GitSources.none();
  private Optional<IgnoredPaths> inPlace = Optional.empty();
  private LayerCacheBackends cacheBackends = LayerCacheBackends.builtin();

  /** A builder reading credentials through the process environment ({@code DOCKER_CONFIG}). */
  public ImageBuilder(BuildOptions options, Path workDir, Clock clock) {
    this(options, workDir, clock, System.getenv());
  }

  /**
   * A builder using {@code credentials} for every pull and push (e.g. the docker config followed
   * by plugin credential helpers, {@code CredentialChains.standard}).
   */
  public ImageBuilder(BuildOptions options, Path workDir, Clock clock,
      CredentialSource credentials) {
    this(options, workDir, clock, Map.of(), Optional.of(credentials));
  }

  /**
   * @param workDir scratch space for stage rootfs directories and layer files (emptied after
   *     the build)
   * @param clock the source of {@code created} times (unused with --reproducible)
   * @param env the environment credentials are looked up with ({@code DOCKER_CONFIG}, helpers)
   */
  public ImageBuilder(BuildOptions options, Path workDir, Clock clock, Map<String, String> env) {
    this(options, workDir, clock, env, Optional.empty());
  }

  private ImageBuilder(BuildOptions options, Path workDir, Clock clock, Map<String, String> env,
      Optional<CredentialSource> credentials) {
    this.options = options;
    this.workDir = workDir;
    this.clock = clock;
    this.env = Map.copyOf(env);
    this.credentials = credentials;
  }

  /**
   * Takes snapshot strategies from {@code strategies} (e.g. {@link SnapshotStrategies#of} a
   * plugin registry, so a snapshot plugin can be chosen by {@code --snapshot-mode}).
   */
  public ImageBuilder withSnapshotStrategies(SnapshotStrategies strategies) {
    this.snapshots = strategies;
    return this;
  }

  /** Fetches ADD's git repositories with {@code sources} (e.g. {@link GitSources#of} the plugins). */
  public ImageBuilder withGitSources(GitSources sources) {
    this.gitSources = sources;
    return this;
  }

  /**
   * Builds the target stage in place (kaniko's mode, rootfs {@code /}): {@code /} is emptied but
   * for {@code ignored} (the kaniko dir, the JVM, /proc, mount points...; the build adds the
   * context, the work dir, the cache dir and {@code java.home}), the base is extracted over it and
   * RUN runs without chroot. Earlier stages are built in chroot mode under the work dir.
   */
  public ImageBuilder inPlace(IgnoredPaths ignored) {
    this.inPlace = Optional.of(ignored);
    return this;
  }

  /**
   * Takes layer-cache backends from {@code backends} (e.g. {@link LayerCacheBackends#of} a plugin
   * registry, so a cache plugin can be chosen by the scheme of {@code --cache-repo}).
   */
  public ImageBuilder withCacheBackends(LayerCacheBackends backends) {
    this.cacheBackends = backends;
    return this;
  }

  /** The given credentials, else the docker config of the environment (read once per build). */
  private CredentialSource credentials() throws BuildException {
    return credentials.isPresent() ? credentials.get() : Credentials.fromEnvironment(env);
  }

  /** Builds {@code dockerfile} with {@code context} and writes the outputs. */
  public BuildResult build(Path context, Path dockerfile) throws BuildException, IOException {
    BuildTimings breakdown = new BuildTimings();
    PushCheck check = pushCheck(breakdown);
    try {
      return build(context, dockerfile, breakdown, check);
    } catch (BuildException | IOException | RuntimeException e) {
      Exception preferred = check.preferRefusal(e);
      if (preferred instanceof BuildException refused) {
        throw refused;
      }
      if (preferred instanceof RuntimeException refused) {
        throw refused;
      }
      throw e;
    }
  }

  /** The build once the push permission check runs: joined before the first instruction. */
  private BuildResult build(Path context, Path dockerfile, BuildTimings breakdown,
      PushCheck check) throws BuildException, IOException {
    Map<String, Duration> timings = new LinkedHashMap<>();
    Instant start = clock.instant();
    Platform platform = targetPlatform();
    BuildPlan plan = plan(dockerfile, platform);
    LOG.info("Stages to build: {} (target: stage {})", describe(plan), plan.targetIndex());
    Instant planned = lap(timings, "parse", start);
    Path buildDir = Files.createDirectories(workDir).resolve("build-" + System.nanoTime());
    CacheStep cache = CacheStep.disabled();
    try {
      BaseImageStep baseImages =
          new BaseImageStep(options, credentials(), buildDir.resolve("base"), breakdown);
      cache = cacheStep(buildDir, plan);
      StageState target = buildStages(plan, context, buildDir, platform, baseImages,
          DockerIgnore.load(context, dockerfile), breakdown, cache, check);
      Optional<PushStep> push = check.await();
      Instant built = lap(timings, "stages", planned);
      AssembledImage image =
          ImageAssembler.assemble(finalConfig(target), target.layers, target.format);
      Instant assembled = lap(timings, "assemble", built);
      new OutputWriter(options).write(image);
      Instant written = lap(timings, "outputs", assembled);
      if (push.isPresent()) {
        // the stage directories are not needed by the push: they are deleted while it uploads
        Thread deleting = deleteInBackground(buildDir.resolve("stages"));
        try {
          breakdown.time(BuildTimings.PUSH, () -> push.get().push(image));
        } finally {
          joinQuietly(deleting);
        }
        lap(timings, "push", written);
      }
      cache.awaitStores();
      LOG.info("Built image {}", image.digest());
      cleanup(context);
      return new BuildResult(image.digest(), image.configJson().digest(), image.config(),
          image.manifest().layers(), timings, baseImages.bytesPulled(),
          push.map(PushStep::bytesPushed).orElse(0L), breakdown.phases(),
          breakdown.instructions(), cache.hits(), cache.misses());
    } finally {
      cache.awaitStores();
      TreeDeleter.delete(buildDir);
    }
  }

  /** Deletes {@code dir} in a thread of its own; what it leaves, the final cleanup deletes. */
  private static Thread deleteInBackground(Path dir) {
    Thread thread = new Thread(() -> {
      try {
        TreeDeleter.delete(dir);
      } catch (IOException | RuntimeException e) {
        LOG.debug("background deletion of {} stopped: {}", dir, e.toString());
      }
    }, "kaniko-cleanup");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The push to do, its permissions checked in the background from now on and joined before the
   * first instruction (kaniko checks before building); none with --no-push.
   */
  private PushCheck pushCheck(BuildTimings breakdown) throws BuildException {
    if (options.noPush()) {
      return PushCheck.none();
    }
    if (options.destinations().isEmpty()) {
      throw new BuildException("you must provide --destination, or use --no-push");
    }
    return PushCheck.start(new PushStep(options, credentials()), breakdown);
  }

  /** The planned stages as {@code 0 (builder), 2 (stage-2)}, in build order. */
  private static String describe(BuildPlan plan) {
    return plan.stages().stream()
        .map(stage -> stage.index() + " (" + stage.stage().displayName() + ")")
        .collect(Collectors.joining(", "));
  }

  private Platform targetPlatform() throws BuildException {
    try {
      return options.customPlatform().map(Platform::parse).orElse(Platform.host());
    } catch (IllegalArgumentException e) {
      throw new BuildException("--custom-platform: " + e.getMessage());
    }
  }

  private BuildPlan plan(Path dockerfile, Platform platform) throws BuildException, IOException {
    String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
    try {
      Dockerfile parsed = Dockerfile.parse(dockerfile.getFileName().toString(), text);
      return new BuildPlanner(options.buildArgs(), Platform.host(), platform)
          .plan(parsed, options.target(), options.skipUnusedStages());
    } catch (DockerfileException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  /**
   * The layer cache of --cache (RUN layers unless --cache-run-layers=false, COPY/ADD layers with
   * --cache-copy-layers, no stores with --no-push-cache); a no-op without --cache.
   */
  private CacheStep cacheStep(Path buildDir, BuildPlan plan) throws BuildException, IOException {
    if (!options.cache()) {
      return CacheStep.disabled();
    }
    if (options.singleSnapshot()) {
      throw new BuildException("--cache with --single-snapshot is not supported yet");
    }
    var backend = cacheBackends.open(options, credentials(), buildDir.resolve("cache"));
    LOG.info("Using the layer cache {}", backend);
    return new CacheStep(Optional.of(backend), options.cacheRunLayers(),
        options.cacheCopyLayers(), !options.noPushCache(), options.forceBuildMetadata(),
        Files.createDirectories(buildDir.resolve("layers")), created(),
        plan.dockerfile().fileName());
  }

  private StageState buildStages(BuildPlan plan, Path context, Path buildDir, Platform platform,
      BaseImageStep baseImages, DockerIgnore ignore, BuildTimings breakdown, CacheStep cache,
      PushCheck check) throws BuildException, IOException {
    ImageConfig scratch = ImageConfig.scratch(platform.os(), platform.architecture(),
        platform.variant().isEmpty() ? null : platform.variant());
    LayerStep layers = new LayerStep(new LayerWriter(layerOptions(buildDir)), created(), breakdown);
    if (!cache.enabled()) { // the layer cache stores every stage's layers
      layers.withoutLayersFor(unlayeredStages(plan));
    }
    Map<Integer, StageState> built = new HashMap<>();
    StageBuilder stages = new StageBuilder(plan, context, buildDir.resolve("stages"), built,
        scratch, layers, baseImages, platform, snapshots, snapshotName(),
        IgnoredPaths.of(options.ignorePaths()), targetRootfs(),
        new SnapshotPolicy(options.singleSnapshot(), options.forceBuildMetadata()), ignore, cache);
    stages.gitSources(gitSources);
    stages.runMounts(context, options.kanikoDir().resolve("run-cache"), options.secrets(), env);
    stages.beforeBuilding(() -> check.await());
    if (inPlace.isPresent()) {
      stages.inPlaceTarget(inPlaceIgnores(context));
    }
    for (PlannedStage stage : plan.stages()) {
      built.put(stage.index(), stages.build(stage));
    }
    return built.get(plan.targetIndex());
  }

  /** The planned stages that are neither the target nor a FROM ancestor of it. */
  private static Set<Integer> unlayeredStages(BuildPlan plan) {
    Map<Integer, PlannedStage> byIndex = new HashMap<>();
    plan.stages().forEach(stage -> byIndex.put(stage.index(), stage));
    Set<Integer> unlayered = new HashSet<>(byIndex.keySet());
    Integer next = plan.targetIndex();
    while (next != null && unlayered.remove(next)) {
      PlannedStage stage = byIndex.get(next);
      next = stage.base().stage().isPresent() ? stage.base().stage().getAsInt() : null;
    }
    return unlayered;
  }

  /**
   * With {@code --rootfs DIR}, the target stage is built in DIR (which must be empty or missing)
   * and DIR keeps the image's filesystem afterwards; other stages use the work dir.
   */
  private Optional<Path> targetRootfs() throws BuildException, IOException {
    if (options.rootfs().isEmpty() || inPlace.isPresent()) {
      return Optional.empty();
    }
    Path dir = options.rootfs().get().toAbsolutePath().normalize();
    if (dir.getParent() == null) {
      throw new BuildException("--rootfs /: building in place is decided by the executor"
          + " (ImageBuilder.inPlace); give --rootfs an empty directory");
    }
    if (Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new BuildException("--rootfs " + dir + " is not empty: the build creates the"
              + " image's filesystem there");
        }
      }
    }
    return Optional.of(Files.createDirectories(dir));
  }

  /**
   * --cleanup (kaniko's DeleteFilesystem after a successful build): empties the --rootfs
   * directory, the only filesystem a build keeps (the work dir is always emptied).
   */
  private void cleanup(Path context) throws IOException {
    if (options.cleanup() && inPlace.isPresent()) {
      LOG.info("Deleting filesystem / (--cleanup), keeping {}", inPlaceIgnores(context).entries());
      RootfsCleaner.clean(Path.of("/"), inPlaceIgnores(context));
      return;
    }
    if (!options.cleanup() || options.rootfs().isEmpty()) {
      return;
    }
    Path dir = options.rootfs().get().toAbsolutePath().normalize();
    LOG.info("Deleting filesystem {} (--cleanup)", dir);
    try (var entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        TreeDeleter.delete(entry);
      }
    }
  }

  /**
   * What in-place mode never deletes, overwrites nor snapshots: the given set plus the build
   * context, the work dir, the cache dir and the running JVM ({@code java.home}).
   */
  private IgnoredPaths inPlaceIgnores(Path context) throws IOException {
    List<String> more = new ArrayList<>();
    more.add(context.toAbsolutePath().normalize().toString());
    more.add(workDir.toAbsolutePath().normalize().toString());
    if (options.cacheDir() != null && Files.isDirectory(options.cacheDir())) {
      more.add(options.cacheDir().toAbsolutePath().normalize().toString());
    }
    String javaHome = System.getProperty("java.home");
    if (javaHome != null && !javaHome.isEmpty()) {
      more.add(javaHome);
      more.add(Path.of(javaHome).toRealPath().toString());
    }
    return inPlace.orElseThrow().plus(more);
  }

  /** The snapshot provider's name: {@code new-run} with --use-new-run, else --snapshot-mode. */
  private String snapshotName() {
    return options.useNewRun() ? SnapshotMode.NEW_RUN.providerName()
        : options.snapshotModeName();
  }

  private LayerOptions layerOptions(Path buildDir) throws IOException {
    Path layers = Files.createDirectories(buildDir.resolve("layers"));
    return LayerOptions.defaults(layers)
        .withCompression(Compression.parse(options.compression().flagValue()),
            options.compressionLevel())
        .withReproducible(options.reproducible());
  }

  private ImageConfig finalConfig(StageState target) {
    ContainerConfig.Builder config = target.config;
    options.labels().forEach(config::label);
    ImageConfig image = target.currentImage();
    return options.reproducible() ? image.withCreated(EPOCH) : image.withCreated(clock.instant());
  }

  private String created() {
    return ImageConfig.timestamp(options.reproducible() ? EPOCH : clock.instant());
  }

  private Instant lap(Map<String, Duration> timings, String phase, Instant since) {
    Instant now = clock.instant();
    timings.put(phase, Duration.between(since, now));
    return now;
  }
}
