package dev.kaniko.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaniko.core.layer.LayerOptions;
import dev.kaniko.core.layer.Processes;
import dev.kaniko.core.layer.TreeDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our OCI layouts read by umoci and skopeo. */
class OciLayoutWriterIT {
  @TempDir Path tmp;
  TwoLayerImage image;

  @BeforeEach
  void setUp() throws Exception {
    // small blocks: Go readers (umoci, skopeo) must read multi-block parallel gzip
    image = TwoLayerImage.create(tmp, LayerOptions.defaults(tmp.resolve("layers"))
        .withBlockSize(64 * 1024).withThreads(2));
  }

  @Test
  void umoci_statsAndUnpacksTheTree() throws Exception {
    AssembledImage assembled = image.assemble(ImageFormat.OCI);
    Path layout = tmp.resolve("layout");
    new OciLayoutWriter().write(assembled, layout, "v1");

    String stat = Processes.run("umoci", "stat", "--image", layout + ":v1");
    Path bundle = tmp.resolve("bundle");
    Processes.run("umoci", "unpack", "--image", layout + ":v1", bundle.toString());

    assertThat(stat).contains("ADD rootfs /").contains("RUN change");
    Map<String, String> unpacked = TreeDescription.of(bundle.resolve("rootfs"), true);
    assertThat(unpacked).isEqualTo(TreeDescription.of(image.root, true));
    assertThat(unpacked).doesNotContainKeys("bin/link", "data/big.bin");
    assertThat(unpacked.get("home/u/owned")).contains(" 1234:5678 ");
  }

  @Test
  void skopeo_inspectsAndCopiesTheLayout() throws Exception {
    ImageFormat format = ImageFormat.OCI;
    AssembledImage assembled = image.assemble(format);
    Path layout = tmp.resolve("layout-" + format);
    new OciLayoutWriter().write(assembled, layout, "latest");

    JsonNode inspect = json(Processes.run("skopeo", "inspect", "oci:" + layout + ":latest"));
    JsonNode raw = json(Processes.run("skopeo", "inspect", "--raw", "oci:" + layout + ":latest"));

    assertThat(inspect.get("Digest").asText()).isEqualTo(assembled.digest());
    assertThat(List.of(inspect.get("Layers").get(0).asText(), inspect.get("Layers").get(1).asText()))
        .containsExactly(image.layers.get(0).digest(), image.layers.get(1).digest());
    assertThat(inspect.get("Labels").get("test").asText()).isEqualTo("two-layers");
    assertThat(raw.get("mediaType").asText()).isEqualTo(format.manifestMediaType());
    assertThat(raw.get("layers").get(0).get("mediaType").asText())
        .isEqualTo(MediaTypes.OCI_LAYER_GZIP);
    Processes.run("skopeo", "copy", "oci:" + layout + ":latest",
        "dir:" + tmp.resolve("copied-" + format));
  }

  @Test
  void write_keepsOtherRefsAndReplacesTheSameRef() throws Exception {
    Path layout = tmp.resolve("layout");
    OciLayoutWriter writer = new OciLayoutWriter();
    writer.write(image.assemble(ImageFormat.DOCKER), layout, "oci");
    writer.write(image.assemble(ImageFormat.DOCKER), layout, "docker");
    writer.write(image.assemble(ImageFormat.OCI), layout, "oci");

    ImageIndex index = ImageJson.parse(Files.readAllBytes(layout.resolve("index.json")),
        ImageIndex.class);

    assertThat(index.manifests()).extracting(d -> d.annotation(MediaTypes.REF_NAME_ANNOTATION))
        .containsExactly("docker", "oci");
    assertThat(index.manifests()).extracting(Descriptor::mediaType)
        .containsExactly(MediaTypes.DOCKER_MANIFEST, MediaTypes.OCI_MANIFEST);
    assertThat(Files.readString(layout.resolve("oci-layout")))
        .isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    for (Descriptor d : index.manifests()) {
      Path blob = layout.resolve("blobs/sha256/" + d.digest().substring(7));
      assertThat(Digests.sha256(Files.readAllBytes(blob))).isEqualTo(d.digest());
    }
    Processes.run("umoci", "stat", "--image", layout + ":oci");
  }

  /**
   * umoci and containers/image only read OCI-family manifests from a layout, so a Docker-family
   * layout is checked structurally: every blob the manifest names is present with its digest.
   */
  @Test
  void write_dockerFamilyLayoutHoldsEveryBlobItNames() throws Exception {
    AssembledImage assembled = image.assemble(ImageFormat.DOCKER);
    Path layout = tmp.resolve("layout");
    new OciLayoutWriter().write(assembled, layout, "latest");

    Manifest manifest = ImageJson.parse(Files.readAllBytes(blob(layout, assembled.digest())),
        Manifest.class);

    assertThat(manifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(manifest.config().mediaType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
    assertThat(manifest.layers()).extracting(Descriptor::mediaType)
        .containsOnly(MediaTypes.DOCKER_LAYER_GZIP);
    for (Descriptor d : concat(manifest.config(), manifest.layers())) {
      assertThat(Processes.run("sha256sum", blob(layout, d.digest()).toString()))
          .startsWith(d.digest().substring(7));
      assertThat(Files.size(blob(layout, d.digest()))).isEqualTo(d.size());
    }
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs/sha256/" + digest.substring(7));
  }

  private static List<Descriptor> concat(Descriptor first, List<Descriptor> rest) {
    List<Descriptor> all = new java.util.ArrayList<>(rest);
    all.add(0, first);
    return all;
  }

  static JsonNode json(String s) throws Exception {
    return ImageJson.mapper().readTree(s);
  }
}
