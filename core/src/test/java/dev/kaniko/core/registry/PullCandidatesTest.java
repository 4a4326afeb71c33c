package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.ImageReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullCandidatesTest {

  private static List<String> candidates(String image, RegistryOptions options) {
    return PullCandidates.of(ImageReference.parse(image), options).stream().map(ImageReference::toString).toList();
  }

  @Test
  void noMirrors_isJustTheImage() {
    assertThat(candidates("busybox", RegistryOptions.defaults())).containsExactly("docker.io/library/busybox:latest");
  }

  @Test
  void mirrors_applyToDockerHubInOrder_thenFallBackToDockerHub() {
    RegistryOptions options = RegistryOptions.builder()
        .registryMirror("mirror.gcr.io").registryMirror("https://local:5000/hub/").build();

    assertThat(candidates("busybox:1", options)).containsExactly(
        "mirror.gcr.io/library/busybox:1", "local:5000/hub/library/busybox:1", "docker.io/library/busybox:1");
    assertThat(candidates("quay.io/a/b:1", options)).containsExactly("quay.io/a/b:1");
  }

  @Test
  void skipDefaultFallback_dropsDockerHubOnlyWhenAMirrorApplies() {
    RegistryOptions options = RegistryOptions.builder()
        .registryMirror("mirror.gcr.io").skipDefaultRegistryFallback(true).build();

    assertThat(candidates("busybox", options)).containsExactly("mirror.gcr.io/library/busybox:latest");
    assertThat(candidates("gcr.io/p/app", options)).containsExactly("gcr.io/p/app:latest");
  }

  @Test
  void registryMap_remapsAnyRegistry_beforeMirrors() {
    RegistryOptions options = RegistryOptions.builder()
        .registryMap("index.docker.io=hubmap.local;gcr.io=gcrmirror.local/gcr")
        .registryMap("gcr.io=second.local")
        .registryMirror("mirror.local")
        .build();

    assertThat(candidates("gcr.io/p/app:2", options))
        .containsExactly("gcrmirror.local/gcr/p/app:2", "second.local/p/app:2", "gcr.io/p/app:2");
    assertThat(candidates("alpine", options)).containsExactly(
        "hubmap.local/library/alpine:latest", "mirror.local/library/alpine:latest", "docker.io/library/alpine:latest");
  }

  @Test
  void digestsSurviveTheMove() {
    String sha = "sha256:" + "c".repeat(64);
    RegistryOptions options = RegistryOptions.builder().registryMirror("m.local").build();

    assertThat(candidates("alpine@" + sha, options)).first().isEqualTo("m.local/library/alpine@" + sha);
  }

  @Test
  void options_rejectMalformedFlagValues() {
    assertThatThrownBy(() -> RegistryOptions.builder().registryMap("nomapping"))
        .hasMessage("invalid --registry-map 'nomapping': expected original.registry=mirror.registry[/path]");
    assertThatThrownBy(() -> RegistryOptions.builder().registryCertificate("reg.io"))
        .hasMessage("invalid --registry-certificate 'reg.io': expected registry=/path/to/ca.crt");
    assertThatThrownBy(() -> RegistryOptions.builder().registryClientCert("reg.io=/only/cert"))
        .hasMessage("invalid --registry-client-cert 'reg.io=/only/cert': expected registry=/path/to/cert,/path/to/key");
    assertThatThrownBy(() -> RegistryOptions.builder().pushRetry(-1)).hasMessage("--push-retry must not be negative, got -1");
    assertThatThrownBy(() -> RegistryOptions.builder().insecureRegistry("a/b"))
        .hasMessageStartingWith("invalid --insecure-registry 'a/b'");
  }

  @Test
  void transportFor_combinesGlobalAndPerRegistryFlagsByDirection() {
    RegistryOptions options = RegistryOptions.builder()
        .insecurePull(true).skipTlsVerify(true).insecureRegistry("plain:5000")
        .registryCertificate("secure:443=/ca1.crt").registryCertificate("secure:443=/ca2.crt")
        .registryClientCert("secure:443=/c.pem,/k.pem").build();

    TransportSettings pull = options.transportFor("secure:443", RegistryOptions.Direction.PULL);
    TransportSettings push = options.transportFor("secure:443", RegistryOptions.Direction.PUSH);

    assertThat(pull.insecure()).isTrue();
    assertThat(pull.skipTlsVerify()).isFalse();
    assertThat(push.insecure()).isFalse();
    assertThat(push.skipTlsVerify()).isTrue();
    assertThat(pull.caCertificates()).containsExactly(Path.of("/ca1.crt"), Path.of("/ca2.crt"));
    assertThat(pull.clientCertificate().key()).isEqualTo(Path.of("/k.pem"));
    assertThat(options.transportFor("plain:5000", RegistryOptions.Direction.PUSH).insecure()).isTrue();
    assertThat(options.transportFor("other", RegistryOptions.Direction.PUSH).caCertificates()).isEmpty();
  }

  @Test
  void loopbackRegistries_mayUsePlainHttpWithoutAFlag() {
    assertThat(RegistryOptions.isLoopback("localhost:5000")).isTrue();
    assertThat(RegistryOptions.isLoopback("127.0.0.1:41234")).isTrue();
    assertThat(RegistryOptions.isLoopback("localhost")).isTrue();
    assertThat(RegistryOptions.isLoopback("[::1]:5000")).isTrue();
    assertThat(RegistryOptions.isLoopback("localhost.example.com")).isFalse();
    assertThat(RegistryOptions.isLoopback("10.0.0.1:5000")).isFalse();
    assertThat(RegistryOptions.defaults().transportFor("127.0.0.1:5000", RegistryOptions.Direction.PUSH).insecure())
        .isTrue();
    assertThat(RegistryOptions.defaults().transportFor("gcr.io", RegistryOptions.Direction.PUSH).insecure()).isFalse();
  }
}
