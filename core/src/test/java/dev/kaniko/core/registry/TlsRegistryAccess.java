package dev.kaniko.core.registry;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.auth.DockerConfigCredentials;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Platform;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Path;
import java.util.Map;

/** What the TLS registry ITs need of a harness registry: its CA, its docker config, its references. */
final class TlsRegistryAccess {
  private TlsRegistryAccess() {}

  static Platform host() {
    return Platform.parse(HostPlatform.platform());
  }

  /** Registry options trusting the registry's throw-away CA. */
  static RegistryOptions withCa(RegistryExtension registry) {
    return RegistryOptions.builder()
        .registryCertificate(registry.host() + "=" + registry.caCert()).build();
  }

  /** Credentials read from a docker config.json (written to {@code dir}) holding the registry's login. */
  static CredentialSource dockerConfig(RegistryExtension registry, Path dir) throws Exception {
    registry.dockerConfig().writeTo(dir);
    return DockerConfigCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString()));
  }

  static ImageReference image(RegistryExtension registry, String repoAndTag) {
    return ImageReference.parse(registry.reference(repoAndTag));
  }
}
