package dev.kaniko.core.options;

import dev.kaniko.core.image.Compression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Immutable options of one image build, as given on the executor's command line. */
public final class BuildOptions {
  private final String dockerfile;
  private final String context;
  private final String contextSubPath;
  private final Optional<String> bucket;
  private final List<String> destinations;
  private final Map<String, String> buildArgs;
  private final Map<String, String> labels;
  private final Optional<String> target;
  private final boolean skipUnusedStages;
  private final SnapshotMode snapshotMode;
  private final String snapshotModeName;
  private final boolean useNewRun;
  private final boolean singleSnapshot;
  private final boolean reproducible;
  private final Optional<String> customPlatform;
  private final boolean noPush;
  private final Optional<Path> tarPath;
  private final Optional<Path> ociLayoutPath;
  private final Optional<Path> digestFile;
  private final Optional<Path> imageNameWithDigestFile;
  private final Optional<Path> imageNameTagWithDigestFile;
  private final int pushRetry;
  private final boolean pushIgnoreImmutableTagErrors;
  private final boolean skipPushPermissionCheck;
  private final int imageDownloadRetry;
  private final int imageFsExtractRetry;
  private final boolean cache;
  private final Optional<String> cacheRepo;
  private final Path cacheDir;
  private final Duration cacheTtl;
  private final boolean cacheCopyLayers;
  private final boolean cacheRunLayers;
  private final boolean compressedCaching;
  private final boolean noPushCache;
  private final Compression compression;
  private final int compressionLevel;
  private final boolean cleanup;
  private final Path kanikoDir;
  private final boolean force;
  private final boolean forceBuildMetadata;
  private final boolean ignoreVarRun;
  private final List<String> ignorePaths;
  private final Map<String, String> gitOptions;
  private final boolean insecure;
  private final boolean skipTlsVerify;
  private final RegistryOptions registry;
  private final Optional<Path> rootfs;
  private final List<Path> pluginDirs;
  private final Set<String> disabledPlugins;
  private final Optional<Path> report;
  private final List<SecretSpec> secrets;

  private BuildOptions(Builder builder) {
    this.dockerfile = builder.dockerfile;
    this.context = builder.context;
    this.contextSubPath = builder.contextSubPath;
    this.bucket = builder.bucket;
    this.destinations = List.copyOf(builder.destinations);
    this.buildArgs = Copies.map(builder.buildArgs);
    this.labels = Copies.map(builder.labels);
    this.target = builder.target;
    this.skipUnusedStages = builder.skipUnusedStages;
    this.snapshotMode = builder.snapshotMode;
    this.snapshotModeName = builder.snapshotModeName;
    this.useNewRun = builder.useNewRun;
    this.singleSnapshot = builder.singleSnapshot;
    this.reproducible = builder.reproducible;
    this.customPlatform = builder.customPlatform;
    this.noPush = builder.noPush;
    this.tarPath = builder.tarPath;
    this.ociLayoutPath = builder.ociLayoutPath;
    this.digestFile = builder.digestFile;
    this.imageNameWithDigestFile = builder.imageNameWithDigestFile;
    this.imageNameTagWithDigestFile = builder.imageNameTagWithDigestFile;
    this.pushRetry = builder.pushRetry;
    this.pushIgnoreImmutableTagErrors = builder.pushIgnoreImmutableTagErrors;
    this.skipPushPermissionCheck = builder.skipPushPermissionCheck;
    this.imageDownloadRetry = builder.imageDownloadRetry;
    this.imageFsExtractRetry = builder.imageFsExtractRetry;
    this.cache = builder.cache;
    this.cacheRepo = builder.cacheRepo;
    this.cacheDir = builder.cacheDir;
    this.cacheTtl = builder.cacheTtl;
    this.cacheCopyLayers = builder.cacheCopyLayers;
    this.cacheRunLayers = builder.cacheRunLayers;
    this.compressedCaching = builder.compressedCaching;
    this.noPushCache = builder.noPushCache;
    this.compression = builder.compression;
    this.compressionLevel = builder.compressionLevel;
    this.cleanup = builder.cleanup;
    this.kanikoDir = builder.kanikoDir;
    this.force = builder.force;
    this.forceBuildMetadata = builder.forceBuildMetadata;
    this.ignoreVarRun = builder.ignoreVarRun;
    this.ignorePaths = List.copyOf(builder.ignorePaths);
    this.gitOptions = Copies.map(builder.gitOptions);
    this.insecure = builder.insecure;
    this.skipTlsVerify = builder.skipTlsVerify;
    this.registry = builder.registry;
    this.rootfs = builder.rootfs;
    this.pluginDirs = List.copyOf(builder.pluginDirs);
    this.disabledPlugins = Copies.set(builder.disabledPlugins);
    this.report = builder.report;
    this.secrets = List.copyOf(builder.secrets);
  }

  /** A builder holding kaniko's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** kaniko's defaults. */
  public static BuildOptions defaults() {
    return builder().build();
  }

  /** Path of the Dockerfile, relative to the context unless absolute ({@code -f}). */
  public String dockerfile() {
    return dockerfile;
  }

  /** Build context location, with or without a scheme ({@code -c}). */
  public String context() {
    return context;
  }

  /** Sub-directory of the context to build from; empty for the root. */
  public String contextSubPath() {
    return contextSubPath;
  }

  /** GCS bucket holding the context tarball (hidden kaniko flag). */
  public Optional<String> bucket() {
    return bucket;
  }

  /** Image references to push to. */
  public List<String> destinations() {
    return destinations;
  }

  /** Build arguments, in command-line order. */
  public Map<String, String> buildArgs() {
    return buildArgs;
  }

  /** Labels added to the image. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Stage to build; empty for the last one. */
  public Optional<String> target() {
    return target;
  }

  /** Build only the stages the target needs. */
  public boolean skipUnusedStages() {
    return skipUnusedStages;
  }

  /** Snapshot strategy (the built-in mode; {@code full} when a plugin's strategy is named). */
  public SnapshotMode snapshotMode() {
    return snapshotMode;
  }

  /** The {@code --snapshot-mode} name: a built-in mode or a snapshot plugin's provider name. */
  public String snapshotModeName() {
    return snapshotModeName;
  }

  /** Detect RUN changes by mtime instead of a full snapshot. */
  public boolean useNewRun() {
    return useNewRun;
  }

  /** Take one snapshot at the end of the build. */
  public boolean singleSnapshot() {
    return singleSnapshot;
  }

  /** Strip timestamps so the same input gives the same digest. */
  public boolean reproducible() {
    return reproducible;
  }

  /** Platform to build for ({@code os/arch[/variant]}). */
  public Optional<String> customPlatform() {
    return customPlatform;
  }

  /** Build without pushing. */
  public boolean noPush() {
    return noPush;
  }

  /** Also write the image as a docker-load tarball here. */
  public Optional<Path> tarPath() {
    return tarPath;
  }

  /** Also write an OCI image layout here. */
  public Optional<Path> ociLayoutPath() {
    return ociLayoutPath;
  }

  /** Write the image digest here. */
  public Optional<Path> digestFile() {
    return digestFile;
  }

  /** Write {@code name@digest} here. */
  public Optional<Path> imageNameWithDigestFile() {
    return imageNameWithDigestFile;
  }

  /** Write {@code name:tag@digest} here. */
  public Optional<Path> imageNameTagWithDigestFile() {
    return imageNameTagWithDigestFile;
  }

  /** Retries for pushing. */
  public int pushRetry() {
    return pushRetry;
  }

  /** Treat "tag is immutable" push errors as success. */
  public boolean pushIgnoreImmutableTagErrors() {
    return pushIgnoreImmutableTagErrors;
  }

  /** Skip the up-front push permission check. */
  public boolean skipPushPermissionCheck() {
    return skipPushPermissionCheck;
  }

  /** Retries for pulling base images. */
  public int imageDownloadRetry() {
    return imageDownloadRetry;
  }

  /** Retries for extracting base image filesystems. */
  public int imageFsExtractRetry() {
    return imageFsExtractRetry;
  }

  /** Use the layer cache. */
  public boolean cache() {
    return cache;
  }

  /** Repository for cached layers; empty for {@code <destination>/cache}. */
  public Optional<String> cacheRepo() {
    return cacheRepo;
  }

  /** Local base-image cache filled by the warmer. */
  public Path cacheDir() {
    return cacheDir;
  }

  /** Cache entries older than this are ignored. */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  /** Cache COPY layers too. */
  public boolean cacheCopyLayers() {
    return cacheCopyLayers;
  }

  /** Cache RUN layers. */
  public boolean cacheRunLayers() {
    return cacheRunLayers;
  }

  /** Compress cached layers. */
  public boolean compressedCaching() {
    return compressedCaching;
  }

  /** Read the cache without writing it. */
  public boolean noPushCache() {
    return noPushCache;
  }

  /** Layer compression. */
  public Compression compression() {
    return compression;
  }

  /** Compression level; -1 for the algorithm default. */
  public int compressionLevel() {
    return compressionLevel;
  }

  /** Clean the filesystem at the end of the build. */
  public boolean cleanup() {
    return cleanup;
  }

  /** kaniko's own directory ({@code --kaniko-dir}, else {@code KANIKO_DIR}). */
  public Path kanikoDir() {
    return kanikoDir;
  }

  /** Build outside a container. */
  public boolean force() {
    return force;
  }

  /** Add metadata-only layers to the image. */
  public boolean forceBuildMetadata() {
    return forceBuildMetadata;
  }

  /** Leave /var/run out of snapshots. */
  public boolean ignoreVarRun() {
    return ignoreVarRun;
  }

  /** Paths left out of snapshots. */
  public List<String> ignorePaths() {
    return ignorePaths;
  }

  /** Options for git contexts ({@code branch}, {@code single-branch}, ...); empty for defaults. */
  public Map<String, String> gitOptions() {
    return gitOptions;
  }

  /** Push over plain HTTP. */
  public boolean insecure() {
    return insecure;
  }

  /** Push without TLS verification. */
  public boolean skipTlsVerify() {
    return skipTlsVerify;
  }

  /** Pull-side registry access, mirrors and TLS settings. */
  public RegistryOptions registry() {
    return registry;
  }

  /** Root filesystem directory for chroot mode; empty for in-place mode. */
  public Optional<Path> rootfs() {
    return rootfs;
  }

  /** Directories searched for plugin bundles, in order. */
  public List<Path> pluginDirs() {
    return pluginDirs;
  }

  /** Ids of plugins not to load. */
  public Set<String> disabledPlugins() {
    return disabledPlugins;
  }

  /** Where to write the JSON build report. */
  public Optional<Path> report() {
    return report;
  }

  /** {@code --secret}: the build secrets for {@code RUN --mount=type=secret} (sources, not values). */
  public List<SecretSpec> secrets() {
    return secrets;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BuildOptions && components().equals(((BuildOptions) other).components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  private List<Object> components() {
    return Arrays.asList(dockerfile, context, contextSubPath, bucket, destinations, buildArgs, labels, target, skipUnusedStages, snapshotMode, snapshotModeName, useNewRun, singleSnapshot, reproducible, customPlatform, noPush, tarPath, ociLayoutPath, digestFile, imageNameWithDigestFile, imageNameTagWithDigestFile, pushRetry, pushIgnoreImmutableTagErrors, skipPushPermissionCheck, imageDownloadRetry, imageFsExtractRetry, cache, cacheRepo, cacheDir, cacheTtl, cacheCopyLayers, cacheRunLayers, compressedCaching, noPushCache, compression, compressionLevel, cleanup, kanikoDir, force, forceBuildMetadata, ignoreVarRun, ignorePaths, gitOptions, insecure, skipTlsVerify, registry, rootfs, pluginDirs, disabledPlugins, report, secrets);
  }

  /** Every option; values of build args are masked (they may carry tokens). */
  @Override
  public String toString() {
    return "BuildOptions{"
        + "dockerfile=" + dockerfile
        + ", context=" + context
        + ", contextSubPath=" + contextSubPath
        + ", bucket=" + bucket
        + ", destinations=" + destinations
        + ", buildArgs=" + Copies.maskedValues(buildArgs)
        + ", labels=" + labels
        + ", target=" + target
        + ", skipUnusedStages=" + skipUnusedStages
        + ", snapshotMode=" + snapshotModeName
        + ", useNewRun=" + useNewRun
        + ", singleSnapshot=" + singleSnapshot
        + ", reproducible=" + reproducible
        + ", customPlatform=" + customPlatform
        + ", noPush=" + noPush
        + ", tarPath=" + tarPath
        + ", ociLayoutPath=" + ociLayoutPath
        + ", digestFile=" + digestFile
        + ", imageNameWithDigestFile=" + imageNameWithDigestFile
        + ", imageNameTagWithDigestFile=" + imageNameTagWithDigestFile
        + ", pushRetry=" + pushRetry
        + ", pushIgnoreImmutableTagErrors=" + pushIgnoreImmutableTagErrors
        + ", skipPushPermissionCheck=" + skipPushPermissionCheck
        + ", imageDownloadRetry=" + imageDownloadRetry
        + ", imageFsExtractRetry=" + imageFsExtractRetry
        + ", cache=" + cache
        + ", cacheRepo=" + cacheRepo
        + ", cacheDir=" + cacheDir
        + ", cacheTtl=" + cacheTtl
        + ", cacheCopyLayers=" + cacheCopyLayers
        + ", cacheRunLayers=" + cacheRunLayers
        + ", compressedCaching=" + compressedCaching
        + ", noPushCache=" + noPushCache
        + ", compression=" + compression
        + ", compressionLevel=" + compressionLevel
        + ", cleanup=" + cleanup
        + ", kanikoDir=" + kanikoDir
        + ", force=" + force
        + ", forceBuildMetadata=" + forceBuildMetadata
        + ", ignoreVarRun=" + ignoreVarRun
        + ", ignorePaths=" + ignorePaths
        + ", gitOptions=" + gitOptions
        + ", insecure=" + insecure
        + ", skipTlsVerify=" + skipTlsVerify
        + ", registry=" + registry
        + ", rootfs=" + rootfs
        + ", pluginDirs=" + pluginDirs
        + ", disabledPlugins=" + disabledPlugins
        + ", report=" + report
        + ", secrets=" + secrets
        + '}';
  }

  /** Mutable builder; starts from kaniko's defaults. */
  public static final class Builder {
    private String dockerfile = "Dockerfile";
    private String context = "/workspace/";
    private String contextSubPath = "";
    private Optional<String> bucket = Optional.empty();
    private List<String> destinations = List.of();
    private Map<String, String> buildArgs = Map.of();
    private Map<String, String> labels = Map.of();
    private Optional<String> target = Optional.empty();
    private boolean skipUnusedStages = false;
    private SnapshotMode snapshotMode = SnapshotMode.FULL;
    private String snapshotModeName = SnapshotMode.FULL.flagValue();
    private boolean useNewRun = false;
    private boolean singleSnapshot = false;
    private boolean reproducible = false;
    private Optional<String> customPlatform = Optional.empty();
    private boolean noPush = false;
    private Optional<Path> tarPath = Optional.empty();
    private Optional<Path> ociLayoutPath = Optional.empty();
    private Optional<Path> digestFile = Optional.empty();
    private Optional<Path> imageNameWithDigestFile = Optional.empty();
    private Optional<Path> imageNameTagWithDigestFile = Optional.empty();
    private int pushRetry = 0;
    private boolean pushIgnoreImmutableTagErrors = false;
    private boolean skipPushPermissionCheck = false;
    private int imageDownloadRetry = 0;
    private int imageFsExtractRetry = 0;
    private boolean cache = false;
    private Optional<String> cacheRepo = Optional.empty();
    private Path cacheDir = Path.of("/cache");
    private Duration cacheTtl = Duration.ofHours(336);
    private boolean cacheCopyLayers = false;
    private boolean cacheRunLayers = true;
    private boolean compressedCaching = true;
    private boolean noPushCache = false;
    private Compression compression = Compression.GZIP;
    private int compressionLevel = -1;
    private boolean cleanup = false;
    private Path kanikoDir = Path.of("/kaniko");
    private boolean force = false;
    private boolean forceBuildMetadata = false;
    private boolean ignoreVarRun = true;
    private List<String> ignorePaths = List.of();
    private Map<String, String> gitOptions = Map.of();
    private boolean insecure = false;
    private boolean skipTlsVerify = false;
    private RegistryOptions registry = RegistryOptions.defaults();
    private Optional<Path> rootfs = Optional.empty();
    private List<Path> pluginDirs = List.of();
    private Set<String> disabledPlugins = Set.of();
    private Optional<Path> report = Optional.empty();
    private List<SecretSpec> secrets = List.of();

    private Builder() {}

    public Builder dockerfile(String value) {
      this.dockerfile = Objects.requireNonNull(value, "dockerfile");
      return this;
    }

    public Builder context(String value) {
      this.context = Objects.requireNonNull(value, "context");
      return this;
    }

    public Builder contextSubPath(String value) {
      this.contextSubPath = Objects.requireNonNull(value, "contextSubPath");
      return this;
    }

    public Builder bucket(Optional<String> value) {
      this.bucket = Objects.requireNonNull(value, "bucket");
      return this;
    }

    public Builder destinations(List<String> value) {
      this.destinations = Objects.requireNonNull(value, "destinations");
      return this;
    }

    public Builder buildArgs(Map<String, String> value) {
      this.buildArgs = Objects.requireNonNull(value, "buildArgs");
      return this;
    }

    public Builder labels(Map<String, String> value) {
      this.labels = Objects.requireNonNull(value, "labels");
      return this;
    }

    public Builder target(Optional<String> value) {
      this.target = Objects.requireNonNull(value, "target");
      return this;
    }

    public Builder skipUnusedStages(boolean value) {
      this.skipUnusedStages = value;
      return this;
    }

    public Builder snapshotMode(SnapshotMode value) {
      this.snapshotMode = Objects.requireNonNull(value, "snapshotMode");
      this.snapshotModeName = value.flagValue();
      return this;
    }

    /** A built-in mode's name or a snapshot plugin's provider name. */
    public Builder snapshotModeName(String value) {
      this.snapshotModeName = Objects.requireNonNull(value, "snapshotModeName");
      for (SnapshotMode mode : SnapshotMode.values()) {
        if (mode.flagValue().equals(value)) {
          this.snapshotMode = mode;
        }
      }
      return this;
    }

    public Builder useNewRun(boolean value) {
      this.useNewRun = value;
      return this;
    }

    public Builder singleSnapshot(boolean value) {
      this.singleSnapshot = value;
      return this;
    }

    public Builder reproducible(boolean value) {
      this.reproducible = value;
      return this;
    }

    public Builder customPlatform(Optional<String> value) {
      this.customPlatform = Objects.requireNonNull(value, "customPlatform");
      return this;
    }

    public Builder noPush(boolean value) {
      this.noPush = value;
      return this;
    }

    public Builder tarPath(Optional<Path> value) {
      this.tarPath = Objects.requireNonNull(value, "tarPath");
      return this;
    }

    public Builder ociLayoutPath(Optional<Path> value) {
      this.ociLayoutPath = Objects.requireNonNull(value, "ociLayoutPath");
      return this;
    }

    public Builder digestFile(Optional<Path> value) {
      this.digestFile = Objects.requireNonNull(value, "digestFile");
      return this;
    }

    public Builder imageNameWithDigestFile(Optional<Path> value) {
      this.imageNameWithDigestFile = Objects.requireNonNull(value, "imageNameWithDigestFile");
      return this;
    }

    public Builder imageNameTagWithDigestFile(Optional<Path> value) {
      this.imageNameTagWithDigestFile = Objects.requireNonNull(value, "imageNameTagWithDigestFile");
      return this;
    }

    public Builder pushRetry(int value) {
      this.pushRetry = value;
      return this;
    }

    public Builder pushIgnoreImmutableTagErrors(boolean value) {
      this.pushIgnoreImmutableTagErrors = value;
      return this;
    }

    public Builder skipPushPermissionCheck(boolean value) {
      this.skipPushPermissionCheck = value;
      return this;
    }

    public Builder imageDownloadRetry(int value) {
      this.imageDownloadRetry = value;
      return this;
    }

    public Builder imageFsExtractRetry(int value) {
      this.imageFsExtractRetry = value;
      return this;
    }

    public Builder cache(boolean value) {
      this.cache = value;
      return this;
    }

    public Builder cacheRepo(Optional<String> value) {
      this.cacheRepo = Objects.requireNonNull(value, "cacheRepo");
      return this;
    }

    public Builder cacheDir(Path value) {
      this.cacheDir = Objects.requireNonNull(value, "cacheDir");
      return this;
    }

    public Builder cacheTtl(Duration value) {
      this.cacheTtl = Objects.requireNonNull(value, "cacheTtl");
      return this;
    }

    public Builder cacheCopyLayers(boolean value) {
      this.cacheCopyLayers = value;
      return this;
    }

    public Builder cacheRunLayers(boolean value) {
      this.cacheRunLayers = value;
      return this;
    }

    public Builder compressedCaching(boolean value) {
      this.compressedCaching = value;
      return this;
    }

    public Builder noPushCache(boolean value) {
      this.noPushCache = value;
      return this;
    }

    public Builder compression(Compression value) {
      this.compression = Objects.requireNonNull(value, "compression");
      return this;
    }

    public Builder compressionLevel(int value) {
      this.compressionLevel = value;
      return this;
    }

    public Builder cleanup(boolean value) {
      this.cleanup = value;
      return this;
    }

    public Builder kanikoDir(Path value) {
      this.kanikoDir = Objects.requireNonNull(value, "kanikoDir");
      return this;
    }

    public Builder force(boolean value) {
      this.force = value;
      return this;
    }

    public Builder forceBuildMetadata(boolean value) {
      this.forceBuildMetadata = value;
      return this;
    }

    public Builder ignoreVarRun(boolean value) {
      this.ignoreVarRun = value;
      return this;
    }

    public Builder ignorePaths(List<String> value) {
      this.ignorePaths = Objects.requireNonNull(value, "ignorePaths");
      return this;
    }

    public Builder gitOptions(Map<String, String> value) {
      this.gitOptions = Objects.requireNonNull(value, "gitOptions");
      return this;
    }

    public Builder insecure(boolean value) {
      this.insecure = value;
      return this;
    }

    public Builder skipTlsVerify(boolean value) {
      this.skipTlsVerify = value;
      return this;
    }

    public Builder registry(RegistryOptions value) {
      this.registry = Objects.requireNonNull(value, "registry");
      return this;
    }

    public Builder rootfs(Optional<Path> value) {
      this.rootfs = Objects.requireNonNull(value, "rootfs");
      return this;
    }

    public Builder pluginDirs(List<Path> value) {
      this.pluginDirs = Objects.requireNonNull(value, "pluginDirs");
      return this;
    }

    public Builder disabledPlugins(Set<String> value) {
      this.disabledPlugins = Objects.requireNonNull(value, "disabledPlugins");
      return this;
    }

    public Builder report(Optional<Path> value) {
      this.report = Objects.requireNonNull(value, "report");
      return this;
    }

    public Builder secrets(List<SecretSpec> value) {
      this.secrets = Objects.requireNonNull(value, "secrets");
      return this;
    }

    public BuildOptions build() {
      return new BuildOptions(this);
    }
  }
}
