package dev.kaniko.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageAssemblerTest {
  private static final LayerBlob GZ = new LayerBlob(Path.of("/tmp/a"),
      MediaTypes.OCI_LAYER_GZIP, "sha256:" + "1".repeat(64), "sha256:" + "2".repeat(64), 10, 20);
  private static final LayerBlob ZST = new LayerBlob(Path.of("/tmp/b"),
      MediaTypes.OCI_LAYER_ZSTD, "sha256:" + "3".repeat(64), "sha256:" + "4".repeat(64), 11, 21);

  @Test
  void assemble_dockerFamilyUsesDockerTypesExceptForZstd() throws Exception {
    AssembledImage image = ImageAssembler.assemble(
        ImageConfig.scratch("linux", "amd64", null), List.of(GZ, ZST), ImageFormat.DOCKER);

    Manifest m = ImageJson.parse(image.manifestJson().bytes(), Manifest.class);
    assertThat(m.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(m.config().mediaType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
    assertThat(m.layers()).extracting(Descriptor::mediaType)
        .containsExactly(MediaTypes.DOCKER_LAYER_GZIP, MediaTypes.OCI_LAYER_ZSTD);
    assertThat(m.layers()).extracting(Descriptor::digest).containsExactly(GZ.digest(), ZST.digest());
    assertThat(m.layers()).extracting(Descriptor::size).containsExactly(10L, 11L);
  }

  @Test
  void assemble_setsDiffIdsAndConfigDescriptorFromExactBytes() throws Exception {
    AssembledImage image = ImageAssembler.assemble(
        ImageConfig.scratch("linux", "amd64", null), List.of(GZ, ZST), ImageFormat.OCI);

    ImageConfig config = ImageJson.parse(image.configJson().bytes(), ImageConfig.class);
    assertThat(config.rootfs().diffIds()).containsExactly(GZ.diffId(), ZST.diffId());
    assertThat(image.manifest().config().digest())
        .isEqualTo(Digests.sha256(image.configJson().bytes()));
    assertThat(image.manifest().config().size()).isEqualTo(image.configJson().size());
    assertThat(image.digest()).isEqualTo(Digests.sha256(image.manifestJson().bytes()));
    assertThat(new String(image.manifestJson().bytes(), StandardCharsets.UTF_8))
        .startsWith("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\"");
  }

  @Test
  void assemble_rejectsHistoryThatDisagreesWithLayers() {
    ImageConfig config = ImageConfig.scratch("linux", "amd64", null)
        .addHistory(new HistoryEntry(null, "RUN a", null, null, null))
        .addHistory(new HistoryEntry(null, "ENV b", null, null, true));

    assertThatThrownBy(() -> ImageAssembler.assemble(config, List.of(GZ, ZST), ImageFormat.OCI))
        .hasMessage("image history has 1 non-empty entries but the image has 2 layers");
  }

  @Test
  void dockerArchive_normalizesTagsAndRefusesDigests() {
    assertThat(DockerArchiveWriter.normalizeTag("localhost:5000/app"))
        .isEqualTo("localhost:5000/app:latest");
    assertThat(DockerArchiveWriter.normalizeTag("app:1")).isEqualTo("app:1");
    assertThatThrownBy(() -> DockerArchiveWriter.normalizeTag("app@sha256:" + "0".repeat(64)))
        .hasMessageStartingWith("a docker archive needs tags, not digests");
  }

  @Test
  void ociLayout_rejectsInvalidRefNames() {
    AssembledImage image = ImageAssembler.assemble(
        ImageConfig.scratch("linux", "amd64", null), List.of(), ImageFormat.OCI);

    assertThatThrownBy(() -> new OciLayoutWriter().write(image, Path.of("/nonexistent"), "bad ref"))
        .hasMessage("invalid OCI layout reference name: 'bad ref'");
  }
}
