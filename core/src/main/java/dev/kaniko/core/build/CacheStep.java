package dev.kaniko.core.build;

import dev.kaniko.core.cache.CacheKeys;
import dev.kaniko.core.cache.SourceDigester;
import dev.kaniko.core.dockerfile.VariableScope;
import dev.kaniko.core.dockerfile.instructions.AddInstruction;
import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.extract.ExtractOptions;
import dev.kaniko.core.extract.TarExtractor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.HistoryEntry;
import dev.kaniko.core.image.LayerBlob;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.image.Platform;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.spi.PluginException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layer cache in the build loop: keeps each stage's key chain (every instruction folds into
 * it, hit or miss), looks up RUN layers (and COPY/ADD with --cache-copy-layers), applies a hit's
 * layer to the rootfs and reuses its blob, and stores a miss's layer in the background.
 */
final class CacheStep {
  private static final Logger LOG = LoggerFactory.getLogger(CacheStep.class);
  /** The diff id of an empty tar (two zero records): the entry of a RUN that changed nothing. */
  static final String EMPTY_DIFF_ID = Digests.sha256(new byte[1024]);

  private final Optional<CacheBackend> backend;
  private final boolean runLayers;
  private final boolean copyLayers;
  private final boolean store;
  private final boolean keepEmpty;
  private final Path layersDir;
  private final String created;
  private final String fileName;
  private final ExecutorService stores;
  private final List<Future<?>> pending = new ArrayList<>();
  private final SourceDigester digester = new SourceDigester();
  /** The key of the step being executed (a miss), stored and chained by {@link #afterStep}. */
  private String pendingKey;
  /** The pending RUN reads bind-mounted files its key cannot see: never looked up nor stored. */
  private boolean pendingUnkeyed;
  private LayerBlob emptyLayer;
  /** Whether the last hit extracted a layer (false for a no-change RUN's empty entry). */
  private boolean appliedLayer;
  private int hits;
  private int misses;

  /**
   * @param backend the cache, empty without --cache (then every method is a no-op)
   * @param store false with --no-push-cache (look up, never store)
   * @param keepEmpty --force-build-metadata (a no-change RUN has an empty layer of its own)
   * @param layersDir where hit layers are downloaded (the build's layer dir)
   * @param created the history timestamp of this build (the epoch with --reproducible)
   */
  CacheStep(Optional<CacheBackend> backend, boolean runLayers, boolean copyLayers, boolean store,
      boolean keepEmpty, Path layersDir, String created, String fileName) {
    this.backend = backend;
    this.keepEmpty = keepEmpty;
    this.runLayers = runLayers;
    this.copyLayers = copyLayers;
    this.store = store;
    this.layersDir = layersDir;
    this.created = created;
    this.fileName = fileName;
    this.stores = backend.isEmpty() ? null : Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "cache-store");
      t.setDaemon(true);
      return t;
    });
  }

  /** A cache step doing nothing (no --cache). */
  static CacheStep disabled() {
    return new CacheStep(Optional.empty(), false, false, false, false, Path.of("."), "", "");
  }

  boolean enabled() {
    return backend.isPresent();
  }

  /** Starts a stage's key chain: a registry base's manifest digest. */
  void startFromImage(StageState stage, String baseDigest) {
    if (enabled()) {
      stage.cacheKey = CacheKeys.root(baseDigest);
    }
  }

  /** Starts a stage's key chain at scratch for {@code platform}. */
  void startFromScratch(StageState stage, Platform platform) {
    if (enabled()) {
      stage.cacheKey = CacheKeys.root("scratch " + platform);
    }
  }

  /** Starts a stage's key chain where the stage it is built {@code FROM} ended. */
  void startFromStage(StageState stage, StageState parent) {
    if (enabled()) {
      stage.cacheKey = parent.cacheKey;
    }
  }

  /**
   * Before an instruction runs: a cached RUN layer is applied (returns true: the step is done);
   * otherwise the step's key is remembered for {@link #afterStep}. COPY/ADD are keyed after the
   * copy ({@link #copied}).
   */
  boolean beforeStep(Instruction instruction, StageState stage, String createdBy)
      throws BuildException, IOException {
    pendingKey = null;
    pendingUnkeyed = false;
    if (!enabled() || instruction instanceof CopyInstruction
        || instruction instanceof AddInstruction) {
      return false;
    }
    String text = instruction instanceof RunInstruction run && !run.heredocs().isEmpty()
        ? createdBy + "\n" + run.heredocs() : createdBy; // heredoc bodies are not in the line
    String key = key(stage, text, Optional.empty());
    if (instruction instanceof RunInstruction run && bindsFiles(run)) {
      LOG.info("cache skip {}: RUN --mount=type=bind reads files the key does not cover; later"
          + " keys include this step's layer", step(instruction, createdBy));
      misses++;
      pendingKey = key;
      pendingUnkeyed = true;
      return false;
    }
    if (instruction instanceof RunInstruction && runLayers
        && hit(stage, key, step(instruction, createdBy), createdBy)) {
      if (appliedLayer) {
        stage.snapshot.restart(); // the cached layer changed the rootfs behind the snapshot
      }
      return true;
    }
    pendingKey = key;
    return false;
  }

  /**
   * After a COPY/ADD put {@code added} into the rootfs: keys the step by what it copied (names,
   * types, modes, owners, contents; not mtimes) and, with --cache-copy-layers, applies a cached
   * layer over it (returns true: the step is done, no layer to write).
   */
  boolean copied(Instruction instruction, StageState stage, String createdBy, List<String> added)
      throws BuildException, IOException {
    if (!enabled()) {
      return false;
    }
    String key = key(stage, createdBy, Optional.of(digester.digestEntries(stage.rootfs, added)));
    if (copyLayers && hit(stage, key, step(instruction, createdBy), createdBy)) {
      stage.snapshot.declared(added);
      pendingKey = null;
      return true;
    }
    pendingKey = key;
    return false;
  }

  /**
   * After a step ran (not a hit): chains its key and, for a cacheable step that made a layer,
   * stores that layer in the background (a failed store is a warning).
   */
  void afterStep(Instruction instruction, StageState stage, int layersBefore) {
    if (!enabled() || pendingKey == null) {
      return;
    }
    String key = pendingKey;
    pendingKey = null;
    if (pendingUnkeyed) {
      stage.cacheKey = afterUnkeyed(key, stage, layersBefore);
      return;
    }
    stage.cacheKey = key;
    if (!cacheable(instruction) || !store) {
      return;
    }
    LayerBlob layer;
    if (stage.layers.size() == layersBefore + 1) {
      layer = stage.layers.get(stage.layers.size() - 1);
    } else if (stage.layers.size() == layersBefore && instruction instanceof RunInstruction) {
      layer = emptyLayer(); // a RUN that changed nothing: remembered as an empty layer
      if (layer == null) {
        return;
      }
    } else {
      return;
    }
    CacheEntry entry =
        new CacheEntry(layer.digest(), layer.diffId(), layer.size(), layer.mediaType());
    CacheBackend cache = backend.get();
    pending.add(stores.submit(() -> {
      try {
        cache.store(key, entry, layer.path());
        LOG.debug("cache stored key={} layer={}", key, layer.digest());
      } catch (PluginException | RuntimeException e) {
        LOG.warn("cache store failed for key={}: {}", key, e.getMessage());
      }
    }));
  }

  /**
   * Whether a RUN bind-mounts files (type=bind is BuildKit's default type): their content is not
   * in the key, so the step is never cached (cache, tmpfs and secret mounts are not keyed either,
   * as in BuildKit: their content is not meant to decide the result).
   */
  static boolean bindsFiles(RunInstruction run) {
    for (String mount : run.mounts()) {
      try {
        if (RunMountOptions.parse(mount, "/").type().equals("bind")) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        return true; // the RUN itself reports the bad mount with its line
      }
    }
    return false;
  }

  /** The key after an unkeyed RUN: its parent and what it actually changed (its layer's diffID). */
  private static String afterUnkeyed(String key, StageState stage, int layersBefore) {
    String output = stage.layers.size() > layersBefore
        ? stage.layers.get(stage.layers.size() - 1).diffId() : "no layer";
    return CacheKeys.step(key, "output " + output, Map.of(), Map.of(), Optional.empty());
  }

  /** Waits for the background stores (the end of the build); failures were warnings. */
  void awaitStores() {
    if (!enabled() || stores.isShutdown()) {
      return;
    }
    try {
      for (Future<?> store : pending) {
        store.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while waiting for cache stores");
    } catch (ExecutionException e) {
      LOG.warn("cache store failed: {}", e.getCause().getMessage());
    } finally {
      pending.clear();
      stores.shutdownNow();
      if (backend.get() instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.debug("closing the cache backend: {}", e.getMessage());
        }
      }
    }
  }

  /** A gzipped empty tar in the layers dir (written once per build); null if it cannot be. */
  private LayerBlob emptyLayer() {
    if (emptyLayer == null) {
      try {
        Path file = Files.createTempFile(Files.createDirectories(layersDir), "empty-", ".layer");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(new byte[1024]);
        }
        emptyLayer = new LayerBlob(file, MediaTypes.OCI_LAYER_GZIP, Digests.sha256(file),
            EMPTY_DIFF_ID, Files.size(file), 1024);
      } catch (IOException e) {
        LOG.warn("cannot write the empty layer of a no-change RUN for the cache: {}",
            e.getMessage());
        return null;
      }
    }
    return emptyLayer;
  }

  int hits() {
    return hits;
  }

  int misses() {
    return misses;
  }

  private boolean cacheable(Instruction instruction) {
    return instruction instanceof RunInstruction ? runLayers
        : (instruction instanceof CopyInstruction || instruction instanceof AddInstruction)
            && copyLayers;
  }

  private String step(Instruction instruction, String createdBy) {
    return fileName + ":" + instruction.line() + " " + createdBy;
  }

  /**
   * The step's key: parent key, the instruction's text, the build args and env it sees (the
   * values its variables expand to), and for COPY/ADD what it copied.
   */
  private static String key(StageState stage, String createdBy, Optional<String> sources) {
    VariableScope scope = stage.scope;
    Map<String, String> env = scope.imageEnvironment();
    Map<String, String> args = new LinkedHashMap<>(scope.environment());
    env.keySet().forEach(args::remove);
    args.keySet().removeIf(
        name -> VariableScope.PROXY_ARGS.contains(name.toUpperCase(Locale.ROOT)));
    return CacheKeys.step(stage.cacheKey, createdBy, args, env, sources);
  }

  /** Looks the key up; on a hit applies the cached layer. Lookup failures are misses. */
  private boolean hit(StageState stage, String key, String step, String createdBy)
      throws BuildException, IOException {
    Optional<CacheEntry> entry;
    try {
      entry = backend.get().lookup(key);
    } catch (PluginException | RuntimeException e) {
      LOG.warn("cache lookup failed for {}: {}", step, e.getMessage());
      entry = Optional.empty();
    }
    if (entry.isPresent() && entry.get().diffId().equals(EMPTY_DIFF_ID) && !keepEmpty) {
      hits++;
      LOG.info("cache hit {} key={}", step, key);
      LOG.info("No files changed in this command, skipping snapshotting.");
      stage.history.add(new HistoryEntry(created, createdBy, null, null, Boolean.TRUE));
      stage.cacheKey = key;
      appliedLayer = false;
      return true;
    }
    Optional<Path> blob = entry.isPresent() ? download(entry.get(), step) : Optional.empty();
    if (blob.isEmpty()) {
      misses++;
      LOG.info("cache miss {} key={}", step, key);
      return false;
    }
    hits++;
    LOG.info("cache hit {} key={}", step, key);
    apply(stage, entry.get(), blob.get(), step, createdBy);
    stage.cacheKey = key;
    appliedLayer = true;
    return true;
  }

  /** Downloads a cached layer, checking its digest and size; a bad blob is a miss. */
  private Optional<Path> download(CacheEntry entry, String step) throws IOException {
    Files.createDirectories(layersDir);
    Path file = Files.createTempFile(layersDir, "cached-", ".layer");
    MessageDigest sha = Digests.newMessageDigest("sha256");
    long size;
    try (InputStream in = new DigestInputStream(backend.get().open(entry), sha);
        OutputStream out = Files.newOutputStream(file)) {
      size = in.transferTo(out);
    } catch (PluginException | IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      LOG.warn("cached layer {} of {} cannot be read: {}", entry.digest(), step, e.getMessage());
      return Optional.empty();
    }
    String digest = Digests.format("sha256", sha.digest());
    if (!digest.equals(entry.digest()) || size != entry.size()) {
      Files.deleteIfExists(file);
      LOG.warn("cached layer {} of {} does not match its digest or size (got {}, {} bytes);"
          + " ignoring it", entry.digest(), step, digest, size);
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /** Extracts the cached layer onto the rootfs and records its blob and history line. */
  private void apply(StageState stage, CacheEntry entry, Path blob, String step,
      String createdBy) throws BuildException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(blob), 1 << 16)) {
      new TarExtractor(ExtractOptions.layer()).extract(in, stage.rootfs);
    } catch (IOException e) {
      throw new BuildException("cannot apply the cached layer " + entry.digest() + " of " + step
          + ": " + e.getMessage(), e);
    }
    stage.layers.add(new LayerBlob(blob, entry.mediaType(), entry.digest(), entry.diffId(),
        entry.size(), -1));
    stage.history.add(new HistoryEntry(created, createdBy, null, null, null));
  }
}
