package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PlainRegistryIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  private final Skopeo skopeo = new Skopeo();

  @Test
  void pushThenPull_roundTripsTheManifestDigest(@TempDir Path tmp) throws Exception {
    String reference = registry.reference("roundtrip/busybox:1");
    long mark = registry.log().mark();

    String pushed = skopeo.copy(Skopeo.ociLayout(BaseImages.ociLayout(), "busybox"), Skopeo.docker(reference))
        .destinationAccess(registry.access()).run();
    Path pulledLayout = tmp.resolve("pulled");
    String pulled = skopeo.copy(Skopeo.docker(reference), Skopeo.ociLayout(pulledLayout, "copy"))
        .sourceAccess(registry.access()).run();

    assertThat(pushed).startsWith("sha256:");
    assertThat(pulled).isEqualTo(pushed);
    assertThat(skopeo.manifestDigest(Skopeo.docker(reference), registry.access())).isEqualTo(pushed);
    assertThat(skopeo.manifestDigest(Skopeo.ociLayout(pulledLayout, "copy"), null)).isEqualTo(pushed);
    // skopeo mounts a blob it already pushed to another repository of this registry instead of uploading it
    assertThat(registry.log().count(mark, r -> r.isCompletedBlobUpload() || r.isBlobMount()))
        .as("one layer and one config blob").isEqualTo(2);
    assertThat(registry.log().count(mark, RegistryRequest::isManifestPut)).isEqualTo(1);
  }

  @Test
  void host_isLoopbackWithTheServedPort() throws Exception {
    assertThat(registry.host()).isEqualTo("127.0.0.1:" + registry.port());
    assertThat(registry.url()).isEqualTo("http://" + registry.host());
    assertThat(registry.reference("a/b:c")).isEqualTo(registry.host() + "/a/b:c");
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(registry.url() + "/v2/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(registry.isTls()).isFalse();
    assertThat(registry.requiresAuth()).isFalse();
  }

  @Test
  void stopThenStart_keepsPortAndImages() {
    ImageRef image = BaseImages.pushBusybox(registry, "restart/busybox:1", ImageFormat.DOCKER_V2S2);
    int port = registry.port();

    registry.stop();
    assertThat(registry.isRunning()).isFalse();
    CommandResult whileDown = skopeo.copy(Skopeo.docker(image.reference()), "dir:/nonexistent-unused")
        .sourceAccess(registry.access()).tryRun();
    assertThat(whileDown.succeeded()).isFalse();
    assertThat(whileDown.stderr()).contains("connection refused");

    registry.start();
    assertThat(registry.isRunning()).isTrue();
    assertThat(registry.port()).isEqualTo(port);
    assertThat(skopeo.manifestDigest(Skopeo.docker(image.reference()), registry.access()))
        .isEqualTo(image.digest());
  }

  @Test
  void start_onATakenPort_failsNamingThePortAndTheLog() throws Exception {
    registry.stop();
    try (ServerSocket squatter = new ServerSocket(registry.port(), 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(registry::start)
          .hasMessageContaining("127.0.0.1:" + registry.port())
          .hasMessageContaining("address already in use")
          .hasMessageContaining(registry.log().file().toString());
    }
    registry.start();
    assertThat(registry.isRunning()).isTrue();
  }

  @Test
  void log_recordsRequestsWithMethodPathAndStatus() {
    long mark = registry.log().mark();
    CommandResult missing = skopeo.copy(Skopeo.docker(registry.reference("nothing/here:1")), "dir:/nonexistent-unused")
        .sourceAccess(registry.access()).tryRun();

    assertThat(missing.succeeded()).isFalse();
    assertThat(registry.log().requestsSince(mark))
        .anySatisfy(r -> {
          assertThat(r.method()).isIn("GET", "HEAD");
          assertThat(r.path()).isEqualTo("/v2/nothing/here/manifests/1");
          assertThat(r.status()).isEqualTo(404);
        });
    assertThat(Files.exists(registry.log().file())).isTrue();
  }
}
