package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SecureRegistryIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithAuth();

  private final Skopeo skopeo = new Skopeo();

  @Test
  void pushThenPull_withCaAndCredentials_roundTripsTheDigest(@TempDir Path tmp) {
    String reference = registry.reference("secure/busybox:1");
    String pushed = skopeo.copy(Skopeo.ociLayout(BaseImages.ociLayout(), "busybox"), Skopeo.docker(reference))
        .destinationAccess(registry.access()).format(ImageFormat.OCI).run();
    String pulled = skopeo.copy(Skopeo.docker(reference), Skopeo.ociLayout(tmp.resolve("pulled"), "x"))
        .sourceAccess(registry.access()).run();

    assertThat(pulled).isEqualTo(pushed);
    assertThat(skopeo.manifestDigest(Skopeo.docker(reference), registry.access())).isEqualTo(pushed);
  }

  @Test
  void wrongPassword_isRefused() {
    BaseImages.pushEmpty(registry, "secure/empty:1", ImageFormat.DOCKER_V2S2);
    CommandResult result = skopeo.copy(Skopeo.docker(registry.reference("secure/empty:1")), "dir:/nonexistent")
        .sourceAccess(registry.access().withPassword("not-the-password")).tryRun();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr()).containsIgnoringCase("unauthorized");
  }

  @Test
  void anonymousAccess_isRefused() {
    CommandResult result = skopeo.copy(Skopeo.ociLayout(BaseImages.ociLayout(), "empty"),
        Skopeo.docker(registry.reference("secure/anonymous:1"))).destinationAccess(registry.access().anonymous())
        .tryRun();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr()).containsIgnoringCase("authentication required");
  }

  @Test
  void untrustedCa_isRefused(@TempDir Path tmp) {
    TestCertificates otherCa = TestCertificates.generate(tmp.resolve("other"), "some other CA");
    CommandResult withOtherCa = skopeo.copy(Skopeo.ociLayout(BaseImages.ociLayout(), "empty"),
            Skopeo.docker(registry.reference("secure/untrusted:1")))
        .destinationAccess(registry.access().withCaCert(otherCa.caCert())).tryRun();
    CommandResult withSystemCas = skopeo.copy(Skopeo.ociLayout(BaseImages.ociLayout(), "empty"),
            Skopeo.docker(registry.reference("secure/untrusted:1")))
        .destinationAccess(registry.access().withCaCert(null)).tryRun();

    assertThat(List.of(withOtherCa, withSystemCas)).allSatisfy(result -> {
      assertThat(result.succeeded()).isFalse();
      assertThat(result.stderr()).contains("x509");
    });
  }

  @Test
  void dockerConfig_holdsTheCredentialsForTheHost(@TempDir Path tmp) throws Exception {
    Path dockerConfig = registry.dockerConfig().writeTo(tmp.resolve("docker"));
    String json = Files.readString(dockerConfig.resolve("config.json"));
    String auth = Base64.getEncoder().encodeToString(
        (registry.username() + ":" + registry.password()).getBytes(StandardCharsets.UTF_8));
    assertThat(json).contains("\"" + registry.host() + "\"").contains(auth);

    // the file works as an auth file for a real client
    CommandResult result = skopeo.tryRun(List.of("inspect", "--raw", "--cert-dir", certDir(tmp),
        "--authfile", dockerConfig.resolve("config.json").toString(),
        Skopeo.docker(BaseImages.pushEmpty(registry, "secure/config:1", ImageFormat.OCI).reference())));
    assertThat(result.succeeded()).as(result.stderr()).isTrue();
    assertThat(result.stdout()).contains("application/vnd.oci.image.config.v1+json");
  }

  @Test
  void jdkClient_withTheCaAndBasicAuth_isAnswered() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(registry.certificates().sslContext()).build();
    String basic = Base64.getEncoder().encodeToString(
        (registry.username() + ":" + registry.password()).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> without = client.send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> with = client.send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/"))
        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(registry.url()).startsWith("https://127.0.0.1:");
    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    assertThat(with.statusCode()).isEqualTo(200);
  }

  @Test
  void secrets_neverAppearInTheLogOrToString() {
    BaseImages.pushBusybox(registry, "secure/logged:1", ImageFormat.DOCKER_V2S2);
    skopeo.copy(Skopeo.docker(registry.reference("secure/logged:1")), "dir:/nonexistent")
        .sourceAccess(registry.access().withPassword("wrong-" + registry.password())).tryRun();
    String basic = Base64.getEncoder().encodeToString(
        (registry.username() + ":" + registry.password()).getBytes(StandardCharsets.UTF_8));

    String log = registry.log().text();
    assertThat(log).contains("secure/logged").contains(registry.username());
    assertThat(log).doesNotContain(registry.password()).doesNotContain(basic);
    assertThat(registry.toString()).doesNotContain(registry.password());
    assertThat(registry.access().toString()).doesNotContain(registry.password());
    assertThat(registry.dockerConfig().toString()).doesNotContain(registry.password()).doesNotContain(basic);
  }

  private static String certDir(Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("certs"));
    Files.copy(registry.caCert(), dir.resolve("ca.crt"));
    return dir.toString();
  }
}
