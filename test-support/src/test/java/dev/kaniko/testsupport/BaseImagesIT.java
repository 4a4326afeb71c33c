package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BaseImagesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  private final Skopeo skopeo = new Skopeo();
  private final Umoci umoci = new Umoci();
  private final CommandRunner runner = CommandRunner.create();

  @Test
  void busybox_isADockerImageForTheHostWithShAndPath() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry);

    assertThat(busybox.reference()).isEqualTo(registry.reference(BaseImages.BUSYBOX));
    JsonNode manifest = JSON.readTree(skopeo.rawManifest(Skopeo.docker(busybox.reference()), registry.access()));
    assertThat(manifest.path("mediaType").asText()).isEqualTo(ImageFormat.DOCKER_V2S2.manifestMediaType());
    assertThat(manifest.path("layers")).hasSize(1);
    JsonNode config = skopeo.inspectConfig(Skopeo.docker(busybox.reference()), registry.access());
    assertThat(config.path("os").asText()).isEqualTo("linux");
    assertThat(config.path("architecture").asText()).isEqualTo(HostPlatform.architecture());
    assertThat(config.path("config").path("Cmd").toString()).isEqualTo("[\"sh\"]");
    assertThat(config.path("config").path("Env").toString()).contains("PATH=" + BaseImages.BUSYBOX_PATH);
  }

  @Test
  void busybox_asOci_hasOciMediaTypesAndTheSameContent() throws Exception {
    ImageRef docker = BaseImages.pushBusybox(registry, "fmt/busybox:docker", ImageFormat.DOCKER_V2S2);
    ImageRef oci = BaseImages.pushBusybox(registry, "fmt/busybox:oci", ImageFormat.OCI);

    JsonNode manifest = JSON.readTree(skopeo.rawManifest(Skopeo.docker(oci.reference()), registry.access()));
    assertThat(manifest.path("mediaType").asText("")).isIn("", ImageFormat.OCI.manifestMediaType());
    assertThat(manifest.path("config").path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.config.v1+json");
    assertThat(manifest.path("layers").get(0).path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
    assertThat(oci.digest()).isNotEqualTo(docker.digest());
    assertThat(skopeo.inspect(Skopeo.docker(oci.reference()), registry.access()).path("Layers"))
        .isEqualTo(skopeo.inspect(Skopeo.docker(docker.reference()), registry.access()).path("Layers"));
  }

  @Test
  void busybox_unpacked_runsShAndHasUsersAndDirectories(@TempDir Path tmp) throws Exception {
    assumeThat(HostPlatform.isRoot()).as("chroot needs root").isTrue();
    ImageRef busybox = BaseImages.pushBusybox(registry);
    Path rootfs = pullAndUnpack(busybox, tmp);

    CommandResult direct = runner.runChecked(List.of(rootfs.resolve("bin/sh").toString(), "-c", "echo ok"));
    CommandResult chrooted = runner.runChecked(List.of("chroot", rootfs.toString(), "/bin/sh", "-c",
        "echo ok; id -un; ls /bin/ls /usr/bin/env"));

    assertThat(direct.stdout()).isEqualTo("ok\n");
    assertThat(chrooted.stdout()).isEqualTo("ok\nroot\n/bin/ls\n/usr/bin/env\n");
    assertThat(Files.readString(rootfs.resolve("etc/passwd")))
        .contains("root:x:0:0:", "nobody:x:65534:65534:", "app:x:1000:1000:app:/home/app:/bin/sh");
    assertThat(Files.readString(rootfs.resolve("etc/group"))).contains("root:x:0:", "nobody:x:65534:", "app:x:1000:");
    assertThat(runner.runChecked(List.of("stat", "-c", "%a", rootfs.resolve("tmp").toString())).stdout().strip())
        .isEqualTo("1777");
    assertThat(Files.getAttribute(rootfs.resolve("home/app"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1000);
    assertThat(Files.getAttribute(rootfs.resolve("home/app"), "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1000);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rootfs.resolve("root"))))
        .isEqualTo("rwx------");
    assertThat(Files.isSameFile(rootfs.resolve("bin/sh"), rootfs.resolve("bin/busybox"))).as("hard link").isTrue();
  }

  @Test
  void empty_isOneTinyLayerWithItsMarker(@TempDir Path tmp) throws Exception {
    ImageRef empty = BaseImages.pushEmpty(registry);

    assertThat(empty.reference()).isEqualTo(registry.reference(BaseImages.EMPTY));
    JsonNode manifest = JSON.readTree(skopeo.rawManifest(Skopeo.docker(empty.reference()), registry.access()));
    assertThat(manifest.path("layers")).hasSize(1);
    assertThat(manifest.path("layers").get(0).path("size").asLong()).isLessThan(1024);
    Path rootfs = pullAndUnpack(empty, tmp);
    assertThat(rootfs.resolve(BaseImages.EMPTY_MARKER.substring(1))).hasContent("empty");
    assertThat(rootfs.resolve("bin")).doesNotExist();
  }

  @Test
  void empty_unpackedAsARuntimeBundle_hasConfigAndRootfs(@TempDir Path tmp) {
    Path rootfs = umoci.unpack(BaseImages.ociLayout(), "empty", tmp.resolve("bundle"));

    assertThat(rootfs.resolve(BaseImages.EMPTY_MARKER.substring(1))).hasContent("empty");
    assertThat(tmp.resolve("bundle/config.json")).exists();
  }

  @Test
  void multi_isAnOciIndexWithTwoDistinguishablePlatforms(@TempDir Path tmp) throws Exception {
    ImageRef multi = BaseImages.pushMulti(registry);

    JsonNode index = JSON.readTree(skopeo.rawManifest(Skopeo.docker(multi.reference()), registry.access()));
    assertThat(index.path("mediaType").asText()).isEqualTo(ImageFormat.OCI.indexMediaType());
    assertThat(multi.platformDigests()).containsOnlyKeys("linux/amd64", "linux/arm64");
    for (String arch : List.of("amd64", "arm64")) {
      String digest = multi.platformDigest("linux/" + arch);
      String byDigest = multi.repository() + "@" + digest;
      JsonNode config = skopeo.inspectConfig(Skopeo.docker(byDigest), registry.access());
      assertThat(config.path("architecture").asText()).isEqualTo(arch);
      Path rootfs = pullAndUnpack(new ImageRef(byDigest, digest), tmp.resolve(arch));
      assertThat(rootfs.resolve(BaseImages.PLATFORM_MARKER.substring(1))).hasContent("linux/" + arch);
      assertThat(Files.exists(rootfs.resolve("bin/busybox")))
          .as("only the host platform carries busybox").isEqualTo(arch.equals(HostPlatform.architecture()));
    }
  }

  @Test
  void multi_asDocker_isAManifestList() throws Exception {
    ImageRef multi = BaseImages.pushMulti(registry, "fmt/multi:docker", ImageFormat.DOCKER_V2S2);

    JsonNode index = JSON.readTree(skopeo.rawManifest(Skopeo.docker(multi.reference()), registry.access()));
    assertThat(index.path("mediaType").asText()).isEqualTo(ImageFormat.DOCKER_V2S2.indexMediaType());
    assertThat(index.path("manifests")).allSatisfy(m ->
        assertThat(m.path("mediaType").asText()).isEqualTo(ImageFormat.DOCKER_V2S2.manifestMediaType()));
    assertThat(multi.platformDigests()).hasSize(2);
    assertThat(multi.digestReference()).isEqualTo(registry.reference("fmt/multi") + "@" + multi.digest());
  }

  @Test
  void pushIntoAFreshRegistry_isFastOnceTheLayoutIsCached() {
    BaseImages.ociLayout();
    try (RegistryExtension fresh = RegistryExtension.plain()) {
      fresh.start();
      long start = System.nanoTime();
      ImageRef busybox = BaseImages.pushBusybox(fresh);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(busybox.digest()).startsWith("sha256:");
      assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void ociLayout_isBuiltOnceAndReused() {
    Path first = BaseImages.ociLayout();
    assertThat(BaseImages.ociLayout()).isEqualTo(first);
    assertThat(first.resolve("index.json")).exists();
    assertThat(first.toString()).contains("kaniko-base-images");
  }

  private Path pullAndUnpack(ImageRef image, Path tmp) throws Exception {
    Files.createDirectories(tmp);
    Path layout = tmp.resolve("layout");
    skopeo.copy(Skopeo.docker(image.reference()), Skopeo.ociLayout(layout, "pulled"))
        .sourceAccess(registry.access()).format(ImageFormat.OCI).run();
    return umoci.unpackRootfs(layout, "pulled", tmp.resolve("rootfs"));
  }
}
