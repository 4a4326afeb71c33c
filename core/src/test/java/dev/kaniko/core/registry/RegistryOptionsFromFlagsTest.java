package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.options.WarmerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryOptionsFromFlagsTest {

  private static dev.kaniko.core.options.RegistryOptions pullFlags() {
    return dev.kaniko.core.options.RegistryOptions.builder()
        .insecurePull(true)
        .skipTlsVerifyRegistries(List.of("selfsigned:5000"))
        .insecureRegistries(List.of("plain:5000"))
        .registryCertificates(Map.of("corp:443", Path.of("/certs/ca.crt")))
        .registryClientCertificates(Map.of("mtls:443", "/certs/c.pem,/certs/k.pem"))
        .registryMirrors(List.of("https://mirror.example.com/hub/"))
        .registryMaps(Map.of("index.docker.io", List.of("m1.example.com", "m2.example.com/p")))
        .skipDefaultRegistryFallback(true)
        .build();
  }

  @Test
  void forBuild_mapsPullAndPushFlags() {
    RegistryOptions options = RegistryOptionsFromFlags.forBuild(BuildOptions.builder()
        .registry(pullFlags()).insecure(false).skipTlsVerify(true).pushRetry(3).imageDownloadRetry(2)
        .pushIgnoreImmutableTagErrors(true).skipPushPermissionCheck(true).build());

    TransportSettings pull = options.transportFor("any:443", RegistryOptions.Direction.PULL);
    TransportSettings push = options.transportFor("any:443", RegistryOptions.Direction.PUSH);
    assertThat(pull.insecure()).isTrue();
    assertThat(pull.skipTlsVerify()).isFalse();
    assertThat(push.insecure()).isFalse();
    assertThat(push.skipTlsVerify()).isTrue();
    assertThat(options.transportFor("plain:5000", RegistryOptions.Direction.PUSH).insecure()).isTrue();
    assertThat(options.transportFor("selfsigned:5000", RegistryOptions.Direction.PULL).skipTlsVerify()).isTrue();
    assertThat(options.transportFor("corp:443", RegistryOptions.Direction.PULL).caCertificates())
        .containsExactly(Path.of("/certs/ca.crt"));
    assertThat(options.transportFor("mtls:443", RegistryOptions.Direction.PUSH).clientCertificate())
        .isEqualTo(new RegistryOptions.ClientCertificate(Path.of("/certs/c.pem"), Path.of("/certs/k.pem")));
    assertThat(options.mirrors()).containsExactly("mirror.example.com/hub");
    assertThat(options.registryMaps()).containsEntry("docker.io", List.of("m1.example.com", "m2.example.com/p"));
    assertThat(options.skipDefaultRegistryFallback()).isTrue();
    assertThat(options.pushRetry()).isEqualTo(3);
    assertThat(options.pullRetry()).isEqualTo(2);
    assertThat(options.pushIgnoreImmutableTagErrors()).isTrue();
    assertThat(options.skipPushPermissionCheck()).isTrue();
  }

  @Test
  void forWarmer_mapsPullFlagsOnly() {
    RegistryOptions options = RegistryOptionsFromFlags.forWarmer(WarmerOptions.builder()
        .images(List.of("busybox")).registry(pullFlags()).build());

    assertThat(options.transportFor("any:443", RegistryOptions.Direction.PULL).insecure()).isTrue();
    assertThat(options.transportFor("any:443", RegistryOptions.Direction.PUSH).insecure()).isFalse();
    assertThat(options.mirrors()).containsExactly("mirror.example.com/hub");
    assertThat(options.pushRetry()).isZero();
  }

  @Test
  void forBuild_malformedClientCertificate_namesTheFlag() {
    BuildOptions build = BuildOptions.builder().registry(dev.kaniko.core.options.RegistryOptions.builder()
        .registryClientCertificates(Map.of("mtls:443", "/only-a-cert.pem")).build()).build();

    assertThatThrownBy(() -> RegistryOptionsFromFlags.forBuild(build))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--registry-client-cert");
  }
}
