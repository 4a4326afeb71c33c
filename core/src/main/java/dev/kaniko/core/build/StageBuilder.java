package dev.kaniko.core.build;

import dev.kaniko.core.copy.CopyOperation;
import dev.kaniko.core.copy.UrlDownloader;
import dev.kaniko.core.copy.DockerIgnore;
import dev.kaniko.core.dockerfile.BuildPlan;
import dev.kaniko.core.dockerfile.DockerfileException;
import dev.kaniko.core.dockerfile.PlannedStage;
import dev.kaniko.core.dockerfile.StageBase;
import dev.kaniko.core.dockerfile.instructions.AddInstruction;
import dev.kaniko.core.dockerfile.instructions.ArgInstruction;
import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.dockerfile.instructions.WorkdirInstruction;
import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.Platform;
import dev.kaniko.core.rootfs.IgnoredPaths;
import dev.kaniko.core.rootfs.RootfsCleaner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one planned stage: prepares its rootfs and config from its base (scratch, an earlier
 * stage or a registry image), then runs its instructions in order, each giving a layer or a metadata history entry.
 */
final class StageBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(StageBuilder.class);

  private final BuildPlan plan;
  private final Path stagesDir;
  private final Map<Integer, StageState> built;
  private final ImageConfig scratch;
  private final LayerStep layers;
  private final CopyStep copy;
  private final AddStep add;
  private final BaseImageStep baseImages;
  private final Platform targetPlatform;
  private final SnapshotStrategies snapshots;
  private final String snapshotName;
  private final IgnoredPaths ignoredPaths;
  private final RunStep run;
  private final Optional<Path> targetRootfs;
  private final SnapshotPolicy policy;
  /** In-place mode: the target stage is built on {@code /}, never touching these paths. */
  private Optional<IgnoredPaths> inPlace = Optional.empty();
  private final CacheStep cache;
  private final DockerIgnore ignore;
  /** Joined before the first thing a refused push would waste (the push permission check). */
  private Gate beforeBuilding = () -> { };

  /** Something to wait for (and fail with) before building. */
  @FunctionalInterface
  interface Gate {
    void await() throws BuildException;
  }

  StageBuilder(BuildPlan plan, Path context, Path stagesDir, Map<Integer, StageState> built,
      ImageConfig scratch, LayerStep layers, BaseImageStep baseImages, Platform targetPlatform,
      SnapshotStrategies snapshots, String snapshotName, IgnoredPaths ignoredPaths,
      Optional<Path> targetRootfs, SnapshotPolicy policy, DockerIgnore ignore, CacheStep cache) {
    this.cache = cache;
    this.plan = plan;
    this.stagesDir = stagesDir;
    this.built = built;
    this.scratch = scratch;
    this.layers = layers;
    this.baseImages = baseImages;
    this.targetPlatform = targetPlatform;
    this.snapshots = snapshots;
    this.snapshotName = snapshotName;
    this.ignoredPaths = ignoredPaths;
    this.run = new RunStep(plan.dockerfile().fileName(), new RunMounts(context, plan.dockerfile(), built,
        stagesDir.resolve("run-cache"), List.of(), Map.of(), stagesDir.resolve("scratch")).withIgnore(ignore));
    this.ignore = ignore;
    this.targetRootfs = targetRootfs;
    this.policy = policy;
    this.copy = new CopyStep(context, plan.dockerfile(), built, stagesDir.resolve("scratch"),
        ignore, Optional.of(baseImages), targetPlatform);
    this.add = new AddStep(copy, plan.dockerfile().fileName());
  }

  /**
   * RUN cache mounts live under {@code cacheRoot} ({@code <kaniko-dir>/run-cache}, kept across
   * builds); secrets come from {@code secrets}, env ones read from {@code env}.
   */
  void runMounts(Path context, Path cacheRoot, List<dev.kaniko.core.options.SecretSpec> secrets,
      Map<String, String> env) {
    run.mounts(new RunMounts(context, plan.dockerfile(), built, cacheRoot, secrets, env,
        stagesDir.resolve("scratch")).withIgnore(ignore));
  }

  /** ADD's git sources come from {@code sources} (the loaded plugins). */
  void gitSources(GitSources sources) {
    add.gitSources(sources);
  }

  /** Awaits {@code gate} before the first instruction runs and before / is emptied in place. */
  void beforeBuilding(Gate gate) {
    this.beforeBuilding = gate;
  }

  /**
   * Builds the target stage in place ({@code /} emptied but for {@code ignored}, the base extracted
   * over it, RUN without chroot); earlier stages stay in their directories under the work dir.
   */
  StageBuilder inPlaceTarget(IgnoredPaths ignored) {
    this.inPlace = Optional.of(ignored);
    return this;
  }

  StageState build(PlannedStage planned) throws BuildException, IOException {
    StageState stage = start(planned);
    if (policy.singleSnapshot()) {
      stage.snapshot.beforeRun(); // the one layer is everything changed since the stage began
    }
    List<Instruction> instructions = stage.instructions;
    for (int i = 0; i < instructions.size(); i++) {
      Instruction raw = instructions.get(i);
      beforeBuilding.await();
      String shown = UrlDownloader.maskUrls(createdBy(raw)); // ADD URLs may carry secrets
      LOG.info("{}", shown);
      java.time.Instant startedAt = java.time.Instant.now();
      long started = System.nanoTime();
      Instruction instruction = expand(stage, raw);
      if (!cache.beforeStep(instruction, stage, createdBy(instruction))) { // else a hit was applied
        int layersBefore = stage.layers.size();
        execute(instruction, stage, i == instructions.size() - 1);
        cache.afterStep(instruction, stage, layersBefore);
      }
      layers.timings().instruction(planned.index(), shown, startedAt,
          System.nanoTime() - started);
    }
    return stage;
  }

  private StageState start(PlannedStage planned) throws BuildException, IOException {
    StageBase base = planned.base();
    boolean inPlaceStage = planned.index() == plan.targetIndex() && inPlace.isPresent();
    if (inPlaceStage) {
      beforeBuilding.await();
      return startInPlace(planned, inPlace.get());
    }
    Path rootfs = planned.index() == plan.targetIndex() && targetRootfs.isPresent()
        ? targetRootfs.get() : stagesDir.resolve(String.valueOf(planned.index()));
    LOG.info("Building stage {} ({}) FROM {}", planned.index(), planned.stage().displayName(),
        base.reference());
    StageState stage;
    if (base.isScratch()) {
      Files.createDirectories(rootfs);
      stage = new StageState(planned, rootfs, plan.newScope(Map.of()), scratch, List.of());
      cache.startFromScratch(stage, planned.platform().orElse(targetPlatform));
    } else if (base.stage().isPresent()) {
      StageState parent = built.get(base.stage().getAsInt());
      CopyOperation.copyTree(parent.rootfs, rootfs);
      ImageConfig image = parent.currentImage();
      stage = new StageState(planned, rootfs, parent.scope.inherit(),
          image.withConfig(image.config().toBuilder().clearOnBuild().build()), parent.layers);
      stage.format = parent.format;
      cache.startFromStage(stage, parent);
    } else {
      stage = fromImage(planned, rootfs);
    }
    MetadataStep.env(stage.scope.imageEnvironment(), stage.config);
    stage.snapshot = new StageSnapshot(snapshots.create(snapshotName), rootfs, ignoredPaths,
        layers.timings());
    return stage;
  }

  /**
   * The target stage in place: {@code /} is emptied but for the ignored paths (kaniko's
   * DeleteFilesystem), then the base (a registry image, or an earlier stage's layers) is extracted
   * over it, never writing an ignored path; snapshots skip the ignored paths.
   */
  private StageState startInPlace(PlannedStage planned, IgnoredPaths ignored)
      throws BuildException, IOException {
    Path root = Path.of("/");
    StageBase base = planned.base();
    LOG.info("Building stage {} ({}) FROM {} in place on / (kept: {})", planned.index(),
        planned.stage().displayName(), base.reference(), ignored.entries());
    long deleted = RootfsCleaner.clean(root, ignored);
    LOG.debug("Deleted {} entries of / before extracting the base", deleted);
    StageState stage;
    if (base.isScratch()) {
      stage = new StageState(planned, root, plan.newScope(Map.of()), scratch, List.of());
    } else if (base.stage().isPresent()) {
      StageState parent = built.get(base.stage().getAsInt());
      for (var layer : parent.layers) {
        baseImages.extractLayer(layer.path(), root, ignored);
      }
      ImageConfig image = parent.currentImage();
      stage = new StageState(planned, root, parent.scope.inherit(),
          image.withConfig(image.config().toBuilder().clearOnBuild().build()), parent.layers);
      stage.format = parent.format;
    } else {
      stage = fromImage(planned, root, ignored);
    }
    MetadataStep.env(stage.scope.imageEnvironment(), stage.config);
    stage.snapshot = new StageSnapshot(snapshots.create(snapshotName), root,
        ignored.plus(ignoredPaths.entries()));
    return stage;
  }

  private StageState fromImage(PlannedStage planned, Path rootfs)
      throws BuildException, IOException {
    return fromImage(planned, rootfs, path -> false);
  }

  private StageState fromImage(PlannedStage planned, Path rootfs,
      java.util.function.Predicate<String> ignored) throws BuildException, IOException {
    Files.createDirectories(rootfs);
    Platform platform = planned.platform().orElse(targetPlatform);
    BaseImage base = baseImages.pull(planned.base().reference(), platform, rootfs, ignored);
    ImageConfig image = base.config();
    List<String> triggers = image.config().onBuild() == null ? List.of()
        : image.config().onBuild();
    StageState stage = new StageState(planned, rootfs,
        plan.newScope(environment(image.config().env())),
        image.withConfig(image.config().toBuilder().clearOnBuild().build()), base.layers());
    stage.format = base.format();
    cache.startFromImage(stage, base.digest());
    try {
      stage.instructions = plan.withBaseImageTriggers(planned, triggers);
    } catch (DockerfileException e) {
      throw new BuildException(e.getMessage(), e);
    }
    return stage;
  }

  private static Map<String, String> environment(List<String> env) {
    Map<String, String> map = new LinkedHashMap<>();
    if (env != null) {
      for (String entry : env) {
        int eq = entry.indexOf('=');
        map.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
      }
    }
    return map;
  }

  private Instruction expand(StageState stage, Instruction raw) throws BuildException {
    try {
      return stage.scope.apply(raw);
    } catch (DockerfileException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private void execute(Instruction instruction, StageState stage, boolean last)
      throws BuildException, IOException {
    String createdBy = createdBy(instruction);
    try {
      if (instruction instanceof CopyInstruction c) {
        copied(c, stage, createdBy, copy.run(c, stage), last);
      } else if (instruction instanceof WorkdirInstruction w) {
        declared(stage, createdBy, WorkdirStep.run(w, stage), last);
      } else if (instruction instanceof RunInstruction r) {
        if (policy.singleSnapshot()) {
          run.execute(r, stage);
          stageSnapshot(stage, createdBy, last);
        } else {
          layers.commit(stage, createdBy, run.run(r, stage), policy.forceBuildMetadata());
        }
      } else if (instruction instanceof AddInstruction a) {
        copied(a, stage, createdBy, add.run(a, stage), last);
      } else if (instruction instanceof ArgInstruction
          || MetadataStep.apply(instruction, stage)) {
        metadata(stage, createdBy, last);
      } else {
        throw new BuildException(instruction.keyword() + " is not supported here ("
            + where(instruction) + ")");
      }
    } catch (IllegalArgumentException e) {
      throw BuildException.at(plan.dockerfile().fileName(), instruction.line(), e.getMessage());
    }
  }

  /** COPY/ADD: a cached layer (--cache-copy-layers) or a layer of the paths it copied. */
  private void copied(Instruction instruction, StageState stage, String createdBy,
      List<String> added, boolean last) throws BuildException, IOException {
    if (!cache.copied(instruction, stage, createdBy, added)) {
      declared(stage, createdBy, added, last);
    }
  }

  /** A layer of the paths a COPY or WORKDIR declared (no tree walk). */
  private void declared(StageState stage, String createdBy, List<String> added, boolean last)
      throws BuildException, IOException {
    if (policy.singleSnapshot()) {
      stageSnapshot(stage, createdBy, last);
      return;
    }
    stage.snapshot.declared(added);
    layers.commit(stage, createdBy, added, policy.forceBuildMetadata());
  }

  /** A metadata-only instruction: no layer unless --force-build-metadata or the single snapshot. */
  private void metadata(StageState stage, String createdBy, boolean last)
      throws BuildException, IOException {
    if (policy.singleSnapshot()) {
      stageSnapshot(stage, createdBy, last);
    } else if (policy.forceBuildMetadata()) {
      layers.commit(stage, createdBy, List.of(), true);
    } else {
      layers.metadata(stage, createdBy);
    }
  }

  /**
   * --single-snapshot (kaniko): only the stage's last instruction takes a snapshot, a diff of the
   * whole rootfs since the stage began; with --force-build-metadata every instruction does.
   */
  private void stageSnapshot(StageState stage, String createdBy, boolean last)
      throws BuildException, IOException {
    if (last || policy.forceBuildMetadata()) {
      layers.commit(stage, createdBy, stage.snapshot.afterRun(), policy.forceBuildMetadata());
    } else {
      layers.metadata(stage, createdBy);
    }
  }

  private String where(Instruction instruction) {
    return plan.dockerfile().fileName() + ":" + instruction.line();
  }

  /** The history text: the instruction as written, on one line (kaniko's created_by). */
  static String createdBy(Instruction instruction) {
    return instruction.source().original().replaceAll("\\\\?\\s*\\n\\s*", " ").trim();
  }
}
