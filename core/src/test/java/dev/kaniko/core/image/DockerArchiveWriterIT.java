package dev.kaniko.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaniko.core.layer.LayerOptions;
import dev.kaniko.core.layer.Processes;
import dev.kaniko.core.layer.TreeDescription;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our docker-archive tarballs read by skopeo (the containers/image docker-archive transport). */
class DockerArchiveWriterIT {
  @TempDir Path tmp;
  TwoLayerImage image;

  @BeforeEach
  void setUp() throws Exception {
    // small blocks: Go readers (umoci, skopeo) must read multi-block parallel gzip
    image = TwoLayerImage.create(tmp, LayerOptions.defaults(tmp.resolve("layers"))
        .withBlockSize(64 * 1024).withThreads(2));
  }

  @org.junit.jupiter.api.Test
  void skopeo_copiesAnArchiveOfZstdLayers() throws Exception {
    TwoLayerImage zstd = TwoLayerImage.create(tmp.resolve("z"), LayerOptions
        .defaults(tmp.resolve("zlayers")).withCompression(dev.kaniko.core.image.Compression.ZSTD, -1));
    Path archive = tmp.resolve("zstd.tar");
    new DockerArchiveWriter().write(zstd.assemble(ImageFormat.OCI), archive, List.of("z:1"));

    Path layout = tmp.resolve("zcopied");
    Processes.run("skopeo", "copy", "docker-archive:" + archive, "oci:" + layout + ":z");
    Path bundle = tmp.resolve("zbundle");
    Processes.run("umoci", "unpack", "--image", layout + ":z", bundle.toString());

    assertThat(TreeDescription.of(bundle.resolve("rootfs"), true))
        .isEqualTo(TreeDescription.of(zstd.root, true));
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void skopeo_inspectsAndCopiesTheArchive(ImageFormat format) throws Exception {
    AssembledImage assembled = image.assemble(format);
    Path archive = tmp.resolve("image.tar");
    new DockerArchiveWriter().write(assembled, archive,
        List.of("registry.example:5000/team/app:1.0", "app"));

    JsonNode inspect = OciLayoutWriterIT.json(
        Processes.run("skopeo", "inspect", "docker-archive:" + archive));
    JsonNode config = OciLayoutWriterIT.json(
        Processes.run("skopeo", "inspect", "--config", "docker-archive:" + archive));
    Path layout = tmp.resolve("copied");
    Processes.run("skopeo", "copy", "docker-archive:" + archive, "oci:" + layout + ":copied");
    Path bundle = tmp.resolve("bundle");
    Processes.run("umoci", "unpack", "--image", layout + ":copied", bundle.toString());

    for (String tag : List.of("registry.example:5000/team/app:1.0", "app:latest")) {
      JsonNode byTag = OciLayoutWriterIT.json(
          Processes.run("skopeo", "inspect", "docker-archive:" + archive + ":" + tag));
      assertThat(byTag.get("Digest").asText()).as(tag).isEqualTo(inspect.get("Digest").asText());
    }
    assertThat(inspect.get("Layers")).hasSize(2);
    assertThat(inspect.get("Labels").get("test").asText()).isEqualTo("two-layers");
    assertThat(config.get("rootfs").get("diff_ids").get(1).asText())
        .isEqualTo(image.layers.get(1).diffId());
    assertThat(TreeDescription.of(bundle.resolve("rootfs"), true))
        .isEqualTo(TreeDescription.of(image.root, true));
  }
}
