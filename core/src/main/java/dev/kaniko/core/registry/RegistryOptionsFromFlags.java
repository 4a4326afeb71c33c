package dev.kaniko.core.registry;

import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.options.WarmerOptions;

/**
 * The one place where the CLI's registry flags ({@code core.options}) become the registry client's
 * {@link RegistryOptions}: the executor's (pull and push sides) and the warmer's (pull side).
 */
public final class RegistryOptionsFromFlags {

  private RegistryOptionsFromFlags() {}

  /**
   * Registry options for a build: pull-side flags, push-side {@code --insecure}/{@code --skip-tls-verify},
   * retries and push checks.
   *
   * @throws IllegalArgumentException naming the flag whose value is malformed
   */
  public static RegistryOptions forBuild(BuildOptions build) {
    return pullSide(build.registry())
        .insecure(build.insecure())
        .skipTlsVerify(build.skipTlsVerify())
        .pushRetry(build.pushRetry())
        .imageDownloadRetry(build.imageDownloadRetry())
        .pushIgnoreImmutableTagErrors(build.pushIgnoreImmutableTagErrors())
        .skipPushPermissionCheck(build.skipPushPermissionCheck())
        .build();
  }

  /** Registry options for the warmer (pulls only). */
  public static RegistryOptions forWarmer(WarmerOptions warmer) {
    return pullSide(warmer.registry()).build();
  }

  private static RegistryOptions.Builder pullSide(dev.kaniko.core.options.RegistryOptions flags) {
    RegistryOptions.Builder builder = RegistryOptions.builder()
        .insecurePull(flags.insecurePull())
        .skipTlsVerifyPull(flags.skipTlsVerifyPull())
        .skipDefaultRegistryFallback(flags.skipDefaultRegistryFallback());
    flags.insecureRegistries().forEach(builder::insecureRegistry);
    flags.skipTlsVerifyRegistries().forEach(builder::skipTlsVerifyRegistry);
    flags.registryCertificates().forEach((registry, ca) -> builder.registryCertificate(registry + "=" + ca));
    flags.registryClientCertificates().forEach((registry, files) -> builder.registryClientCert(registry + "=" + files));
    flags.registryMirrors().forEach(builder::registryMirror);
    flags.registryMaps().forEach((registry, targets) ->
        targets.forEach(target -> builder.registryMap(registry + "=" + target)));
    return builder;
  }
}
