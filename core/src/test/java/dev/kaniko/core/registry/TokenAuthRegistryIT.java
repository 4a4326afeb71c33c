package dev.kaniko.core.registry;

import static dev.kaniko.core.registry.TlsRegistryAccess.dockerConfig;
import static dev.kaniko.core.registry.TlsRegistryAccess.host;
import static dev.kaniko.core.registry.TlsRegistryAccess.image;
import static dev.kaniko.core.registry.TlsRegistryAccess.withCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.auth.Credential;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pull and push through a registry with bearer-token auth (docker-registry {@code auth: token} + TokenServer). */
class TokenAuthRegistryIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsWithTokenAuth();

  @TempDir Path dir;

  @Test
  void pull_withBearerTokenFromDockerConfigCredentials_succeeds() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "token/busybox:1", ImageFormat.OCI);
    int issuedBefore = registry.tokenServer().issuedTokens().size();
    ImagePuller puller = new ImagePuller(withCa(registry), dockerConfig(registry, dir));

    PulledImage image = puller.pull(ImageReference.parse(busybox.reference()), host());
    List<Path> layers = puller.pullLayers(image, dir.resolve("layers"));

    assertThat(image.digest()).isEqualTo(busybox.digest());
    assertThat(layers).isNotEmpty().allSatisfy(layer -> assertThat(layer).isRegularFile());
    assertThat(registry.tokenServer().issuedTokens()).hasSizeGreaterThan(issuedBefore);
    assertThat(registry.log().text()).contains("token/busybox");
  }

  @Test
  void push_withBearerTokenFromDockerConfigCredentials_succeeds() throws Exception {
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
        .getBytes(StandardCharsets.UTF_8);
    ImagePusher pusher = new ImagePusher(withCa(registry), dockerConfig(registry, dir));
    pusher.checkPushPermissions(List.of(image(registry, "token/pushed:1")));

    PushResult result = pusher.push(new ImageToPush(dev.kaniko.core.image.ImageFormat.OCI, config, List.of()),
        List.of(image(registry, "token/pushed:1")));

    assertThat(new Skopeo().manifestDigest(Skopeo.docker(registry.reference("token/pushed:1")), registry.access()))
        .isEqualTo(result.digest());
  }

  @Test
  void pull_wrongPassword_tokenServerRefuses_failsWithOneClearLine() {
    BaseImages.pushEmpty(registry, "token/wrongpw:1", ImageFormat.OCI);
    String wrong = "wrong-secret-" + System.nanoTime();
    CredentialSource credentials = r -> Optional.of(new Credential(registry.username(), wrong));
    int refusedBefore = registry.tokenServer().refusedRequests();

    assertThatThrownBy(() -> new ImagePuller(withCa(registry), credentials).pull(image(registry, "token/wrongpw:1"), host()))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .hasMessageContaining(registry.host())
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(registry.password());
    assertThat(registry.tokenServer().refusedRequests()).isGreaterThan(refusedBefore);
  }

  @Test
  void registry_withoutToken_answersBearerChallenge() throws Exception {
    var client = java.net.http.HttpClient.newBuilder().sslContext(registry.certificates().sslContext()).build();
    var response = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(registry.url() + "/v2/token/x/manifests/1")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
        .startsWith("Bearer realm=\"" + registry.tokenServer().realm() + "\"")
        .contains("service=\"" + registry.tokenServer().service() + "\"")
        .contains("scope=\"repository:token/x:pull\"");
  }
}
