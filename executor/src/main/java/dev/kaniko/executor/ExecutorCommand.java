package dev.kaniko.executor;

import dev.kaniko.core.image.Compression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code executor} command line: kaniko's flags plus ours, as picocli fields. */
@Command(name = "executor", sortOptions = false, versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true, abbreviateSynopsis = true,
    description = "Builds a container image from a Dockerfile and a build context, without a daemon.")
final class ExecutorCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
  boolean version;

  @Option(names = {"-f", "--dockerfile"}, defaultValue = "Dockerfile", paramLabel = "PATH",
      description = "Path of the Dockerfile, relative to the context unless absolute (default: ${DEFAULT-VALUE}).")
  String dockerfile;

  @Option(names = {"-c", "--context"}, defaultValue = "/workspace/", paramLabel = "URI",
      description = "Build context: a directory, dir://, tar://, gs://, s3://, https://...blob..., git:// (default: ${DEFAULT-VALUE}).")
  String context;

  @Option(names = "--context-sub-path", defaultValue = "", paramLabel = "DIR",
      description = "Sub-directory of the context to build from.")
  String contextSubPath;

  @Option(names = {"-b", "--bucket"}, defaultValue = "", hidden = true,
      description = "GCS bucket holding the context tarball.")
  String bucket;

  @Option(names = {"-d", "--destination"}, paramLabel = "IMAGE",
      description = "Image reference to push to (repeatable).")
  List<String> destinations = new ArrayList<>();

  @Option(names = "--build-arg", paramLabel = "KEY[=VALUE]",
      description = "Build argument; KEY alone takes the value from the environment (repeatable).")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--label", paramLabel = "KEY=VALUE",
      description = "Label added to the image (repeatable).")
  List<String> labels = new ArrayList<>();

  @Option(names = "--target", defaultValue = "", paramLabel = "STAGE",
      description = "Stage to build.")
  String target;

  @Option(names = "--skip-unused-stages", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Build only the stages the target needs.")
  boolean skipUnusedStages;

  @Option(names = "--snapshot-mode", defaultValue = "full", paramLabel = "MODE",
      converter = Converters.SnapshotModeConverter.class,
      description = "Snapshot mode: full, redo, time or a snapshot plugin's name"
          + " (default: ${DEFAULT-VALUE}).")
  String snapshotMode;

  @Option(names = "--use-new-run", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Detect RUN changes by mtime instead of a full snapshot.")
  boolean useNewRun;

  @Option(names = "--single-snapshot", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Take one snapshot at the end of the build.")
  boolean singleSnapshot;

  @Option(names = "--reproducible", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Strip timestamps so the same input gives the same digest.")
  boolean reproducible;

  @Option(names = "--custom-platform", defaultValue = "", paramLabel = "OS/ARCH[/VARIANT]",
      description = "Platform to build for.")
  String customPlatform;

  @Option(names = "--no-push", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Build only, do not push.")
  boolean noPush;

  @Option(names = "--tar-path", defaultValue = "", paramLabel = "FILE",
      description = "Also write the image as a tarball (docker load format).")
  String tarPath;

  @Option(names = "--oci-layout-path", defaultValue = "", paramLabel = "DIR",
      description = "Also write an OCI image layout directory.")
  String ociLayoutPath;

  @Option(names = "--digest-file", defaultValue = "", paramLabel = "FILE",
      description = "Write the image digest here.")
  String digestFile;

  @Option(names = "--image-name-with-digest-file", defaultValue = "", paramLabel = "FILE",
      description = "Write name@digest here.")
  String imageNameWithDigestFile;

  @Option(names = "--image-name-tag-with-digest-file", defaultValue = "", paramLabel = "FILE",
      description = "Write name:tag@digest here.")
  String imageNameTagWithDigestFile;

  @Option(names = "--push-retry", defaultValue = "0", paramLabel = "N",
      description = "Retries for pushing.")
  int pushRetry;

  @Option(names = "--push-ignore-immutable-tag-errors", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Treat \"tag is immutable\" as success.")
  boolean pushIgnoreImmutableTagErrors;

  @Option(names = "--skip-push-permission-check", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Skip the up-front push permission check.")
  boolean skipPushPermissionCheck;

  @Option(names = "--image-download-retry", defaultValue = "0", paramLabel = "N",
      description = "Retries for pulling base images.")
  int imageDownloadRetry;

  @Option(names = "--image-fs-extract-retry", defaultValue = "0", paramLabel = "N",
      description = "Retries for extracting base image filesystems.")
  int imageFsExtractRetry;

  @Option(names = "--cache", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Use the layer cache.")
  boolean cache;

  @Option(names = "--cache-repo", defaultValue = "", paramLabel = "REPO",
      description = "Repository for cached layers (default: <destination>/cache); oci:PATH for a layout on disk.")
  String cacheRepo;

  @Option(names = "--cache-dir", defaultValue = "/cache", paramLabel = "DIR",
      description = "Local base-image cache filled by the warmer (default: ${DEFAULT-VALUE}).")
  Path cacheDir;

  @Option(names = "--cache-ttl", defaultValue = "336h", paramLabel = "DURATION",
      converter = Converters.GoDurationConverter.class,
      description = "Cache entries older than this are ignored (default: ${DEFAULT-VALUE}).")
  Duration cacheTtl;

  @Option(names = "--cache-copy-layers", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Cache COPY layers too.")
  boolean cacheCopyLayers;

  @Option(names = "--cache-run-layers", defaultValue = "true", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Cache RUN layers (default: ${DEFAULT-VALUE}).")
  boolean cacheRunLayers;

  @Option(names = "--compressed-caching", defaultValue = "true", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Compress cached layers (default: ${DEFAULT-VALUE}).")
  boolean compressedCaching;

  @Option(names = "--no-push-cache", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Read the cache but do not write it.")
  boolean noPushCache;

  @Option(names = "--compression", defaultValue = "gzip", paramLabel = "ALGORITHM",
      converter = Converters.CompressionConverter.class,
      description = "Layer compression: gzip or zstd (default: ${DEFAULT-VALUE}).")
  Compression compression;

  @Option(names = "--compression-level", defaultValue = "-1", paramLabel = "LEVEL",
      description = "Compression level, -1 for the default.")
  int compressionLevel;

  @Option(names = "--cleanup", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Clean the filesystem at the end of the build.")
  boolean cleanup;

  @Option(names = "--kaniko-dir", defaultValue = "/kaniko", paramLabel = "DIR",
      description = "kaniko's own directory (also KANIKO_DIR; the flag wins) (default: ${DEFAULT-VALUE}).")
  Path kanikoDir;

  @Option(names = "--force", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Build outside a container.")
  boolean force;

  @Option(names = "--force-build-metadata", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Add metadata-only layers to the image.")
  boolean forceBuildMetadata;

  @Option(names = "--ignore-var-run", defaultValue = "true", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Leave /var/run out of snapshots (default: ${DEFAULT-VALUE}).")
  boolean ignoreVarRun;

  @Option(names = "--ignore-path", paramLabel = "PATH",
      description = "Path left out of snapshots (repeatable).")
  List<String> ignorePaths = new ArrayList<>();

  @Option(names = "--git", defaultValue = "branch=,single-branch=false,recurse-submodules=false",
      paramLabel = "KEY=VALUE[,KEY=VALUE]",
      description = "Options for git contexts (default: ${DEFAULT-VALUE}).")
  String git;

  @Option(names = "--insecure", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Push over plain HTTP.")
  boolean insecure;

  @Option(names = "--skip-tls-verify", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Push without TLS verification.")
  boolean skipTlsVerify;

  @Mixin RegistryFlags registry;

  @Mixin LoggingFlags logging;

  @Option(names = "--rootfs", paramLabel = "DIR",
      description = "Root filesystem directory (chroot mode; default when not in a container).")
  Path rootfs;

  @Mixin PluginFlags plugins;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON build report here.")
  Path report;

  @Option(names = "--secret", paramLabel = "id=ID,src=PATH|env=VAR",
      description = "A build secret for RUN --mount=type=secret (repeatable), as buildx.")
  List<String> secrets = new ArrayList<>();

  // Deprecated aliases: kept apart so BuildOptionsMapper can apply whichever came last.

  @Option(names = "--snapshotMode", hidden = true, paramLabel = "MODE",
      converter = Converters.SnapshotModeConverter.class,
      description = "Deprecated: use --snapshot-mode.")
  String snapshotModeAlias;

  @Option(names = "--customPlatform", hidden = true, paramLabel = "PLATFORM",
      description = "Deprecated: use --custom-platform.")
  String customPlatformAlias;

  @Option(names = "--tarPath", hidden = true, paramLabel = "FILE",
      description = "Deprecated: use --tar-path.")
  String tarPathAlias;

  @Option(names = "--whitelist-var-run", hidden = true, arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Deprecated: use --ignore-var-run.")
  boolean whitelistVarRunAlias;
}
