package dev.kaniko.core.registry;

import static dev.kaniko.core.registry.TlsRegistryAccess.dockerConfig;
import static dev.kaniko.core.registry.TlsRegistryAccess.host;
import static dev.kaniko.core.registry.TlsRegistryAccess.image;
import static dev.kaniko.core.registry.TlsRegistryAccess.withCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.auth.Credential;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.auth.DockerConfigCredentials;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import dev.kaniko.testsupport.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SecureRegistryIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithAuth();

  @TempDir Path dir;

  @Test
  void pull_withRegistryCertificateAndDockerConfigAuth_succeeds() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "tls/busybox:1", ImageFormat.OCI);
    ImagePuller puller = new ImagePuller(withCa(registry), dockerConfig(registry, dir));

    PulledImage image = puller.pull(ImageReference.parse(busybox.reference()), host());
    List<Path> layers = puller.pullLayers(image, dir.resolve("layers"));

    assertThat(image.digest()).isEqualTo(busybox.digest());
    assertThat(layers).isNotEmpty().allSatisfy(layer -> assertThat(layer).isRegularFile());
  }

  @Test
  void pull_untrustedCertificate_failsNamingTlsAndTheRegistry() throws Exception {
    BaseImages.pushEmpty(registry, "tls/untrusted:1", ImageFormat.OCI);
    ImagePuller puller = new ImagePuller(RegistryOptions.defaults(), dockerConfig(registry, dir));

    assertThatThrownBy(() -> puller.pull(image(registry, "tls/untrusted:1"), host()))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE))
        .hasMessageContaining("TLS with registry " + registry.host() + " failed")
        .hasMessageContaining("--registry-certificate");
  }

  @Test
  void pull_otherCaCertificate_isStillRefused() throws Exception {
    BaseImages.pushEmpty(registry, "tls/otherca:1", ImageFormat.OCI);
    TestCertificates other = TestCertificates.generate(dir.resolve("other"), "another CA");
    RegistryOptions options = RegistryOptions.builder().registryCertificate(registry.host() + "=" + other.caCert()).build();

    assertThatThrownBy(() -> new ImagePuller(options, dockerConfig(registry, dir)).pull(image(registry, "tls/otherca:1"), host()))
        .hasMessageContaining("TLS with registry " + registry.host() + " failed");
  }

  @Test
  void pull_skipTlsVerifyPull_acceptsTheUnknownCa() throws Exception {
    ImageRef empty = BaseImages.pushEmpty(registry, "tls/skipverify:1", ImageFormat.OCI);
    RegistryOptions options = RegistryOptions.builder().skipTlsVerifyPull(true).build();

    assertThat(new ImagePuller(options, dockerConfig(registry, dir)).pull(image(registry, "tls/skipverify:1"), host()).digest())
        .isEqualTo(empty.digest());
  }

  @Test
  void pull_skipTlsVerifyRegistry_acceptsTheUnknownCaForThatRegistryOnly() throws Exception {
    ImageRef empty = BaseImages.pushEmpty(registry, "tls/skipregistry:1", ImageFormat.OCI);
    RegistryOptions options = RegistryOptions.builder().skipTlsVerifyRegistry(registry.host()).build();

    assertThat(new ImagePuller(options, dockerConfig(registry, dir)).pull(image(registry, "tls/skipregistry:1"), host()).digest())
        .isEqualTo(empty.digest());
  }

  @Test
  void pull_wrongPassword_isUnauthorizedWithoutPrintingIt() {
    BaseImages.pushEmpty(registry, "tls/wrongpw:1", ImageFormat.OCI);
    String wrong = "wrong-secret-" + System.nanoTime();
    CredentialSource credentials = r -> Optional.of(new Credential(registry.username(), wrong));

    assertThatThrownBy(() -> new ImagePuller(withCa(registry), credentials).pull(image(registry, "tls/wrongpw:1"), host()))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED))
        .hasMessageContaining(registry.host())
        .hasMessageContaining("tls/wrongpw")
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(registry.password());
  }

  @Test
  void pull_anonymous_isUnauthorized() {
    BaseImages.pushEmpty(registry, "tls/anon:1", ImageFormat.OCI);

    assertThatThrownBy(() -> new ImagePuller(withCa(registry), r -> Optional.empty()).pull(image(registry, "tls/anon:1"), host()))
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED))
        .hasMessageContaining(registry.host());
  }

  @Test
  void push_withCredentialsFromACredHelperProcess_succeeds() throws Exception {
    Path helper = dir.resolve("docker-credential-testhelper");
    Files.writeString(helper, "#!/bin/sh\nread url\n[ \"$url\" = \"" + registry.host() + "\" ] || { echo 'credentials not"
        + " found'; exit 1; }\nprintf '{\"Username\":\"%s\",\"Secret\":\"%s\"}' \"$KANIKO_TEST_USER\" \"$KANIKO_TEST_PW\"\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("config.json"), "{\"credHelpers\":{\"" + registry.host() + "\":\"testhelper\"}}");
    CredentialSource credentials = DockerConfigCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString(),
        "PATH", dir + ":/usr/bin:/bin", "KANIKO_TEST_USER", registry.username(), "KANIKO_TEST_PW", registry.password()));
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ImagePusher pusher = new ImagePusher(withCa(registry), credentials);
    pusher.checkPushPermissions(List.of(image(registry, "tls/pushed:1")));

    PushResult result = pusher.push(new dev.kaniko.core.registry.ImageToPush(
        dev.kaniko.core.image.ImageFormat.OCI, config, List.of()), List.of(image(registry, "tls/pushed:1")));

    assertThat(new Skopeo().manifestDigest(Skopeo.docker(registry.reference("tls/pushed:1")), registry.access()))
        .isEqualTo(result.digest());
  }

  @Test
  void checkPushPermissions_wrongPassword_failsUpFront() {
    CredentialSource credentials = r -> Optional.of(new Credential(registry.username(), "nope"));

    assertThatThrownBy(() -> new ImagePusher(withCa(registry), credentials).checkPushPermissions(List.of(image(registry, "tls/perm:1"))))
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED))
        .hasMessage("unauthorized: no push access to " + registry.host() + "/tls/perm:1; check the credentials for"
            + " registry " + registry.host() + " (checked before building; --skip-push-permission-check skips this)");
  }
}
