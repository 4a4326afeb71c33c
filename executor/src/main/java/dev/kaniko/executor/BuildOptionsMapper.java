package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.options.RegistryOptions;
import dev.kaniko.core.options.SecretSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/** Turns the parsed executor flags into {@link BuildOptions}. */
final class BuildOptionsMapper {
  static final String KANIKO_DIR_ENV = "KANIKO_DIR";

  private final Map<String, String> env;

  BuildOptionsMapper(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Maps {@code command}; {@code matchedFlags} are the long names on the command line, once per
   * occurrence, in order (they say which of a flag and its deprecated alias came last).
   *
   * @throws UsageException when a structured value is malformed
   */
  BuildOptions map(ExecutorCommand command, List<String> matchedFlags) {
    return BuildOptions.builder()
        .dockerfile(command.dockerfile)
        .context(command.context)
        .contextSubPath(command.contextSubPath)
        .bucket(FlagValues.optional(command.bucket))
        .destinations(command.destinations)
        .buildArgs(FlagValues.buildArgs(command.buildArgs, env))
        .labels(FlagValues.keyValues("--label", command.labels))
        .target(FlagValues.optional(command.target))
        .skipUnusedStages(command.skipUnusedStages)
        .snapshotModeName(DeprecatedAliases.aliasWins(matchedFlags, "--snapshotMode")
            ? command.snapshotModeAlias : command.snapshotMode)
        .useNewRun(command.useNewRun)
        .singleSnapshot(command.singleSnapshot)
        .reproducible(command.reproducible)
        .customPlatform(FlagValues.optional(
            DeprecatedAliases.aliasWins(matchedFlags, "--customPlatform")
                ? command.customPlatformAlias : command.customPlatform))
        .noPush(command.noPush)
        .tarPath(FlagValues.optionalPath(DeprecatedAliases.aliasWins(matchedFlags, "--tarPath")
            ? command.tarPathAlias : command.tarPath))
        .ociLayoutPath(FlagValues.optionalPath(command.ociLayoutPath))
        .digestFile(FlagValues.optionalPath(command.digestFile))
        .imageNameWithDigestFile(FlagValues.optionalPath(command.imageNameWithDigestFile))
        .imageNameTagWithDigestFile(FlagValues.optionalPath(command.imageNameTagWithDigestFile))
        .pushRetry(command.pushRetry)
        .pushIgnoreImmutableTagErrors(command.pushIgnoreImmutableTagErrors)
        .skipPushPermissionCheck(command.skipPushPermissionCheck)
        .imageDownloadRetry(command.imageDownloadRetry)
        .imageFsExtractRetry(command.imageFsExtractRetry)
        .cache(command.cache)
        .cacheRepo(FlagValues.optional(command.cacheRepo))
        .cacheDir(command.cacheDir)
        .cacheTtl(command.cacheTtl)
        .cacheCopyLayers(command.cacheCopyLayers)
        .cacheRunLayers(command.cacheRunLayers)
        .compressedCaching(command.compressedCaching)
        .noPushCache(command.noPushCache)
        .compression(command.compression)
        .compressionLevel(command.compressionLevel)
        .cleanup(command.cleanup)
        .kanikoDir(kanikoDir(command, matchedFlags))
        .force(command.force)
        .forceBuildMetadata(command.forceBuildMetadata)
        .ignoreVarRun(DeprecatedAliases.aliasWins(matchedFlags, "--whitelist-var-run")
            ? command.whitelistVarRunAlias : command.ignoreVarRun)
        .ignorePaths(command.ignorePaths)
        .gitOptions(FlagValues.gitOptions(command.git))
        .insecure(command.insecure)
        .skipTlsVerify(command.skipTlsVerify)
        .registry(registry(command.registry))
        .rootfs(Optional.ofNullable(command.rootfs))
        .pluginDirs(command.plugins.pluginDirs)
        .disabledPlugins(new LinkedHashSet<>(command.plugins.disabledPlugins))
        .report(Optional.ofNullable(command.report))
        .secrets(secrets(command.secrets))
        .build();
  }

  static RegistryOptions registry(RegistryFlags flags) {
    return RegistryOptions.builder()
        .insecurePull(flags.insecurePull)
        .skipTlsVerifyPull(flags.skipTlsVerifyPull)
        .insecureRegistries(flags.insecureRegistries)
        .skipTlsVerifyRegistries(flags.skipTlsVerifyRegistries)
        .registryCertificates(FlagValues.paths("--registry-certificate", flags.registryCertificates))
        .registryClientCertificates(
            FlagValues.keyValues("--registry-client-cert", flags.registryClientCerts))
        .registryMirrors(flags.registryMirrors)
        .registryMaps(FlagValues.registryMaps(flags.registryMaps))
        .skipDefaultRegistryFallback(flags.skipDefaultRegistryFallback)
        .build();
  }

  static List<SecretSpec> secrets(List<String> values) {
    List<SecretSpec> specs = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (String value : values) {
      try {
        SecretSpec spec = SecretSpec.parse(value);
        if (!ids.add(spec.id())) {
          throw new UsageException("--secret: duplicate id '" + spec.id() + "'");
        }
        specs.add(spec);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return specs;
  }

  private Path kanikoDir(ExecutorCommand command, List<String> matchedFlags) {
    String fromEnv = env.get(KANIKO_DIR_ENV);
    if (!matchedFlags.contains("--kaniko-dir") && fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    return command.kanikoDir;
  }
}
