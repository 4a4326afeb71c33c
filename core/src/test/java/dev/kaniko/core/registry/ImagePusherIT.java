package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.image.Platform;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.RegistryRequest;
import dev.kaniko.testsupport.Skopeo;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImagePusherIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  private static final CredentialSource ANONYMOUS = r -> Optional.empty();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final Skopeo skopeo = new Skopeo();

  private static ImagePusher pusher() {
    return new ImagePusher(RegistryOptions.defaults(), ANONYMOUS);
  }

  private static ImageReference ref(String repoAndTag) {
    return ImageReference.parse(registry.reference(repoAndTag));
  }

  /** busybox (pulled with our puller) plus one new layer, config updated like a build would. */
  private ImageToPush built(String baseRepo, dev.kaniko.testsupport.ImageFormat baseFormat, String marker) throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, baseRepo, baseFormat);
    ImagePuller puller = new ImagePuller(RegistryOptions.defaults(), ANONYMOUS);
    PulledImage pulled = puller.pull(ImageReference.parse(base.reference()), Platform.parse(HostPlatform.platform()));
    List<Path> files = puller.pullLayers(pulled, dir.resolve("base"));
    List<LayerToPush> layers = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      layers.add(LayerToPush.fromBase(pulled.manifest().layers().get(i), pulled.source(), files.get(i)));
    }
    Path layer = dir.resolve("new-layer.tar.gz");
    String diffId = writeLayer(layer, marker);
    layers.add(LayerToPush.ofFile(new Descriptor(pulled.format().gzipLayerMediaType(), Digests.sha256(layer),
        Files.size(layer)), layer));
    ObjectNode config = (ObjectNode) JSON.readTree(pulled.config());
    ((com.fasterxml.jackson.databind.node.ArrayNode) config.path("rootfs").path("diff_ids")).add(diffId);
    return new ImageToPush(pulled.format(), JSON.writeValueAsBytes(config), layers);
  }

  private static String writeLayer(Path file, String marker) throws Exception {
    byte[] content = marker.getBytes(StandardCharsets.UTF_8);
    Path tar = file.resolveSibling(file.getFileName() + ".tar");
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      TarArchiveEntry entry = new TarArchiveEntry("marker.txt");
      entry.setSize(content.length);
      out.putArchiveEntry(entry);
      out.write(content);
      out.closeArchiveEntry();
    }
    try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file))) {
      Files.copy(tar, gzip);
    }
    return Digests.sha256(tar);
  }

  @Test
  void push_ociImage_isReadableBySkopeoWithTheSameDigest() throws Exception {
    ImageToPush image = built("push/base-oci:1", dev.kaniko.testsupport.ImageFormat.OCI, "oci");

    PushResult result = pusher().push(image, List.of(ref("push/app-oci:1")));

    assertThat(result.digest()).isEqualTo(Digests.sha256(result.manifest()));
    assertThat(result.pushed()).containsExactly(ref("push/app-oci:1"));
    assertThat(skopeo.manifestDigest(Skopeo.docker(registry.reference("push/app-oci:1")), registry.access()))
        .isEqualTo(result.digest());
    JsonNode raw = JSON.readTree(skopeo.rawManifest(Skopeo.docker(registry.reference("push/app-oci:1")), registry.access()));
    assertThat(raw.path("mediaType").asText()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(raw.path("layers")).hasSize(image.layers().size());
    JsonNode config = skopeo.inspectConfig(Skopeo.docker(registry.reference("push/app-oci:1")), registry.access());
    assertThat(config.path("rootfs").path("diff_ids")).hasSize(image.layers().size());
  }

  @Test
  void push_dockerBase_keepsTheDockerMediaTypeFamily() throws Exception {
    ImageToPush image = built("push/base-docker:1", dev.kaniko.testsupport.ImageFormat.DOCKER_V2S2, "docker");

    pusher().push(image, List.of(ref("push/app-docker:1")));

    JsonNode raw = JSON.readTree(skopeo.rawManifest(Skopeo.docker(registry.reference("push/app-docker:1")),
        registry.access()));
    assertThat(raw.path("mediaType").asText()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(raw.path("config").path("mediaType").asText()).isEqualTo(MediaTypes.DOCKER_CONFIG);
  }

  @Test
  void push_secondPushOfTheSameImage_uploadsNoBlobs() throws Exception {
    ImageToPush image = built("push/base-again:1", dev.kaniko.testsupport.ImageFormat.OCI, "again");
    pusher().push(image, List.of(ref("push/again:1")));
    long mark = registry.log().mark();

    PushResult second = pusher().push(image, List.of(ref("push/again:1")));

    assertThat(registry.log().blobUploadsSince(mark)).isZero();
    assertThat(registry.log().count(mark, RegistryRequest::isBlobMount)).isZero();
    assertThat(registry.log().count(mark, RegistryRequest::isManifestPut)).isEqualTo(1);
    assertThat(second.pushed()).containsExactly(ref("push/again:1"));
  }

  @Test
  void push_baseLayersAreMountedFromTheBaseRepository_onlyNewBlobsUploaded() throws Exception {
    ImageToPush image = built("push/base-mount:1", dev.kaniko.testsupport.ImageFormat.OCI, "mount");
    int baseLayers = image.layers().size() - 1;
    long mark = registry.log().mark();

    pusher().push(image, List.of(ref("push/mounted:1")));

    assertThat(registry.log().count(mark, RegistryRequest::isBlobMount)).isEqualTo(baseLayers);
    assertThat(registry.log().blobUploadsSince(mark)).as("new layer and config").isEqualTo(2);
  }

  @Test
  void push_baseLayerWithoutFile_isMountedOrFailsLoudly() throws Exception {
    ImageToPush image = built("push/base-nofile:1", dev.kaniko.testsupport.ImageFormat.OCI, "nofile");
    List<LayerToPush> withoutFiles = new ArrayList<>();
    for (LayerToPush layer : image.layers()) {
      withoutFiles.add(layer.mountSource().isPresent()
          ? new LayerToPush(layer.descriptor(), Optional.empty(), layer.mountSource()) : layer);
    }
    ImageToPush remoteBase = new ImageToPush(image.format(), image.config(), withoutFiles);

    PushResult result = pusher().push(remoteBase, List.of(ref("push/nofile:1")));

    assertThat(skopeo.manifestDigest(Skopeo.docker(registry.reference("push/nofile:1")), registry.access()))
        .isEqualTo(result.digest());
  }

  @Test
  void push_layerNeitherLocalNorMountable_failsNamingTheLayer() {
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
        .getBytes(StandardCharsets.UTF_8);
    Descriptor elsewhere = new Descriptor(MediaTypes.OCI_LAYER_GZIP, "sha256:" + "7".repeat(64), 10);
    ImageToPush image = new ImageToPush(ImageFormat.OCI, config,
        List.of(LayerToPush.fromBase(elsewhere, ImageReference.parse("other.example.com/base:1"), null)));

    assertThatThrownBy(() -> pusher().push(image, List.of(ref("push/unmountable:1"))))
        .isInstanceOf(RegistryException.class)
        .hasMessage("cannot push layer " + elsewhere.digest() + " to " + registry.host() + "/push/unmountable: it is"
            + " not available locally and no repository to mount it from is on this registry; download the base"
            + " image layers first");
  }

  @Test
  void push_multipleDestinations_shareUploads() throws Exception {
    ImageToPush image = built("push/base-multi:1", dev.kaniko.testsupport.ImageFormat.OCI, "multi");
    List<ImageReference> destinations = List.of(ref("push/multi-a:1"), ref("push/multi-a:latest"), ref("push/multi-b:1"));
    long mark = registry.log().mark();

    PushResult result = pusher().push(image, destinations);

    int blobs = image.layers().size() + 1;
    int baseLayers = image.layers().size() - 1;
    assertThat(result.pushed()).containsExactlyElementsOf(destinations);
    assertThat(registry.log().blobUploadsSince(mark)).as("new layer and config, once").isEqualTo(2);
    assertThat(registry.log().count(mark, RegistryRequest::isBlobMount)).isEqualTo(baseLayers + blobs);
    assertThat(registry.log().count(mark, RegistryRequest::isManifestPut)).isEqualTo(3);
    for (ImageReference destination : destinations) {
      assertThat(skopeo.manifestDigest(Skopeo.docker(destination.toString()), registry.access())).isEqualTo(result.digest());
    }
  }

  @Test
  void push_registryDown_retriesWithBackoffThenFailsNamingTheRegistry() throws Exception {
    ImageToPush image = built("push/base-down:1", dev.kaniko.testsupport.ImageFormat.OCI, "down");
    List<Duration> sleeps = new ArrayList<>();
    ImagePusher pusher = new ImagePusher(RegistryOptions.builder().pushRetry(1).parallelism(1)
        .initialBackoff(Duration.ofMillis(5)).build(), ANONYMOUS, sleeps::add);
    registry.stop();
    try {
      assertThatThrownBy(() -> pusher.push(image, List.of(ref("push/down:1"))))
          .isInstanceOf(RegistryException.class)
          .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE))
          .hasMessageContaining(registry.host())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(sleeps).isNotEmpty().allMatch(d -> d.equals(Duration.ofMillis(5)));
    } finally {
      registry.start();
    }
  }

  @Test
  void checkPushPermissions_anonymousRegistryPasses_downRegistryFails() throws Exception {
    ImagePusher pusher = pusher();
    pusher.checkPushPermissions(List.of(ref("perm/ok:1")));

    registry.stop();
    try {
      assertThatThrownBy(() -> pusher().checkPushPermissions(List.of(ref("perm/down:1"))))
          .hasMessageContaining(registry.host());
      new ImagePusher(RegistryOptions.builder().skipPushPermissionCheck(true).build(), ANONYMOUS)
          .checkPushPermissions(List.of(ref("perm/down:1")));
    } finally {
      registry.start();
    }
  }
}
