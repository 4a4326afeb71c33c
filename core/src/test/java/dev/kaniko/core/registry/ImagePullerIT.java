package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.image.Platform;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImagePullerIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  private static final CredentialSource ANONYMOUS = r -> Optional.empty();

  @TempDir Path dir;

  private static ImagePuller puller() {
    return new ImagePuller(RegistryOptions.defaults(), ANONYMOUS);
  }

  private static Platform host() {
    return Platform.parse(HostPlatform.platform());
  }

  @Test
  void pull_ociImage_resolvesManifestConfigAndVerifiedLayers() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "pull/oci:1", ImageFormat.OCI);

    PulledImage image = puller().pull(ImageReference.parse(busybox.reference()), host());
    List<Path> layers = puller().pullLayers(image, dir);

    assertThat(image.digest()).isEqualTo(busybox.digest());
    assertThat(image.format()).isEqualTo(dev.kaniko.core.image.ImageFormat.OCI);
    assertThat(image.source()).hasToString(busybox.reference() + "@" + busybox.digest());
    assertThat(image.indexDigest()).isEmpty();
    assertThat(Digests.sha256(image.config())).isEqualTo(image.manifest().config().digest());
    assertThat(new String(image.config())).contains("\"architecture\":\"" + HostPlatform.architecture() + "\"");
    assertThat(layers).hasSameSizeAs(image.manifest().layers()).isNotEmpty();
    for (int i = 0; i < layers.size(); i++) {
      assertThat(Digests.sha256(layers.get(i))).isEqualTo(image.manifest().layers().get(i).digest());
      assertThat(Files.size(layers.get(i))).isEqualTo(image.manifest().layers().get(i).size());
    }
  }

  @Test
  void pull_dockerSchema2Image_keepsTheDockerFamily() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "pull/docker:1", ImageFormat.DOCKER_V2S2);

    PulledImage image = puller().pull(ImageReference.parse(busybox.reference()), host());

    assertThat(image.format()).isEqualTo(dev.kaniko.core.image.ImageFormat.DOCKER);
    assertThat(image.manifest().layers()).allSatisfy(
        layer -> assertThat(layer.mediaType()).isEqualTo(MediaTypes.DOCKER_LAYER_GZIP));
    assertThat(image.digest()).isEqualTo(busybox.digest());
  }

  @Test
  void pull_ociIndex_selectsTheRequestedPlatform() throws Exception {
    ImageRef multi = BaseImages.pushMulti(registry, "pull/multi:oci", ImageFormat.OCI);
    ImageReference reference = ImageReference.parse(multi.reference());
    String other = "linux/" + HostPlatform.otherArchitecture();

    PulledImage forHost = puller().pull(reference, host());
    PulledImage forOther = puller().pull(reference, Platform.parse(other));

    assertThat(forHost.digest()).isEqualTo(multi.platformDigest(HostPlatform.platform()));
    assertThat(forOther.digest()).isEqualTo(multi.platformDigest(other));
    assertThat(forHost.indexDigest()).contains(multi.digest());
    assertThat(new String(forOther.config())).contains("\"architecture\":\"" + HostPlatform.otherArchitecture() + "\"");
  }

  @Test
  void pull_dockerManifestList_selectsTheHostPlatform() throws Exception {
    ImageRef multi = BaseImages.pushMulti(registry, "pull/multi:docker", ImageFormat.DOCKER_V2S2);

    PulledImage image = puller().pull(ImageReference.parse(multi.reference()), host());

    assertThat(image.digest()).isEqualTo(multi.platformDigest(HostPlatform.platform()));
    assertThat(image.format()).isEqualTo(dev.kaniko.core.image.ImageFormat.DOCKER);
  }

  @Test
  void pull_platformMissingFromIndex_namesImageAndAvailablePlatforms() {
    ImageRef multi = BaseImages.pushMulti(registry, "pull/multi:missing", ImageFormat.OCI);

    assertThatThrownBy(() -> puller().pull(ImageReference.parse(multi.reference()), Platform.parse("linux/s390x")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("image " + multi.reference() + " has no manifest for platform linux/s390x; it has ")
        .hasMessageContaining(HostPlatform.platform());
  }

  @Test
  void pull_unknownTag_isNotFoundNamingRegistryAndImage() {
    BaseImages.pushEmpty(registry, "pull/empty:1", ImageFormat.OCI);
    ImageReference missing = ImageReference.parse(registry.reference("pull/empty:nope"));

    assertThatThrownBy(() -> puller().pull(missing, host()))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND))
        .hasMessageContaining(missing.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void pull_unknownRepository_isNotFound() {
    ImageReference missing = ImageReference.parse(registry.reference("never/pushed:1"));

    assertThatThrownBy(() -> puller().pull(missing, host()))
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND))
        .hasMessageContaining(missing.toString());
  }

  @Test
  void pull_corruptedBlobInTheRegistry_failsWithDigestMismatchAndLeavesNoFile() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "pull/corrupt:1", ImageFormat.OCI);
    PulledImage image = puller().pull(ImageReference.parse(busybox.reference()), host());
    Descriptor layer = image.manifest().layers().get(0);
    corrupt(layer.digest());

    assertThatThrownBy(() -> puller().pullLayers(image, dir))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.DIGEST_MISMATCH))
        .hasMessageContaining(layer.digest());
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void pull_registryDown_retriesWithBackoffThenFailsNamingTheRegistry() {
    ImageRef busybox = BaseImages.pushEmpty(registry, "pull/down:1", ImageFormat.OCI);
    List<Duration> sleeps = new ArrayList<>();
    ImagePuller puller = new ImagePuller(RegistryOptions.builder().imageDownloadRetry(2)
        .initialBackoff(Duration.ofMillis(10)).build(), ANONYMOUS, sleeps::add);
    registry.stop();
    try {
      assertThatThrownBy(() -> puller.pull(ImageReference.parse(busybox.reference()), host()))
          .isInstanceOf(RegistryException.class)
          .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE))
          .hasMessageContaining(registry.host());
      assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    } finally {
      registry.start();
    }
  }

  @Test
  void pull_registryMapAndMirrors_triedInOrderBeforeTheDefault() throws Exception {
    ImageRef onMirror = BaseImages.pushBusybox(registry, "hub/library/busybox:mirrored", ImageFormat.OCI);
    RegistryOptions options = RegistryOptions.builder()
        .registryMirror(registry.host() + "/missing-mirror")
        .registryMirror(registry.host() + "/hub")
        .skipDefaultRegistryFallback(true)
        .build();

    PulledImage image = new ImagePuller(options, ANONYMOUS).pull(ImageReference.parse("busybox:mirrored"), host());

    assertThat(image.requested()).hasToString("docker.io/library/busybox:mirrored");
    assertThat(image.source()).hasToString(registry.host() + "/hub/library/busybox:mirrored@" + onMirror.digest());
  }

  @Test
  void pull_byDigest_pinsTheManifest() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "pull/bydigest:1", ImageFormat.OCI);

    PulledImage image = puller().pull(ImageReference.parse(busybox.digestReference()), host());

    assertThat(image.digest()).isEqualTo(busybox.digest());
  }

  private static void corrupt(String digest) throws Exception {
    String hex = digest.substring("sha256:".length());
    Path data = registry.storageDir().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
    byte[] bytes = Files.readAllBytes(data);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
    Files.write(data, bytes);
  }
}
