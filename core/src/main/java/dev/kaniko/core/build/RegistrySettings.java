package dev.kaniko.core.build;

import dev.kaniko.core.auth.CredentialException;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.auth.DockerConfigCredentials;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.registry.RegistryOptions;
import java.util.Map;

/** Maps the executor's registry flags ({@link BuildOptions}) onto the registry adapter's options. */
final class RegistrySettings {
  private RegistrySettings() {}

  static RegistryOptions of(BuildOptions options) {
    dev.kaniko.core.options.RegistryOptions r = options.registry();
    RegistryOptions.Builder b = RegistryOptions.builder()
        .insecure(options.insecure())
        .skipTlsVerify(options.skipTlsVerify())
        .insecurePull(r.insecurePull())
        .skipTlsVerifyPull(r.skipTlsVerifyPull())
        .skipDefaultRegistryFallback(r.skipDefaultRegistryFallback())
        .pushRetry(options.pushRetry())
        .imageDownloadRetry(options.imageDownloadRetry())
        .pushIgnoreImmutableTagErrors(options.pushIgnoreImmutableTagErrors())
        .skipPushPermissionCheck(options.skipPushPermissionCheck());
    r.insecureRegistries().forEach(b::insecureRegistry);
    r.skipTlsVerifyRegistries().forEach(b::skipTlsVerifyRegistry);
    r.registryCertificates().forEach((reg, path) -> b.registryCertificate(reg + "=" + path));
    r.registryClientCertificates().forEach((reg, v) -> b.registryClientCert(reg + "=" + v));
    r.registryMirrors().forEach(b::registryMirror);
    r.registryMaps().forEach((reg, targets) -> targets.forEach(t -> b.registryMap(reg + "=" + t)));
    return b.build();
  }

  /** Credentials from the docker config the environment points at. */
  static CredentialSource credentials(Map<String, String> env) throws BuildException {
    try {
      return DockerConfigCredentials.fromEnvironment(env);
    } catch (CredentialException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }
}
