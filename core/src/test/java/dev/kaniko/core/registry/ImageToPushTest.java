package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.image.AssembledImage;
import dev.kaniko.core.image.ImageAssembler;
import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.LayerBlob;
import dev.kaniko.core.image.MediaTypes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageToPushTest {

  private static final LayerBlob LAYER = new LayerBlob(Path.of("/tmp/layer.tar.gz"),
      MediaTypes.OCI_LAYER_GZIP, "sha256:" + "1".repeat(64), "sha256:" + "2".repeat(64), 10, 20);

  @Test
  void of_assembledImage_pushesTheSameManifestBytesAndLayerFiles() {
    AssembledImage image = ImageAssembler.assemble(
        ImageConfig.scratch("linux", "amd64", null), List.of(LAYER), ImageFormat.DOCKER);

    ImageToPush push = ImageToPush.of(image);

    assertThat(push.manifest()).isEqualTo(image.manifestJson().bytes());
    assertThat(push.configDescriptor()).isEqualTo(image.manifest().config());
    assertThat(push.layers()).singleElement().satisfies(layer -> {
      assertThat(layer.file()).contains(LAYER.path());
      assertThat(layer.descriptor().mediaType()).isEqualTo(MediaTypes.DOCKER_LAYER_GZIP);
      assertThat(layer.mountSource()).isEmpty();
    });
  }

  @Test
  void layerToPush_ofLayerBlob_describesTheBlob() {
    LayerToPush layer = LayerToPush.of(LAYER);

    assertThat(layer.descriptor().digest()).isEqualTo(LAYER.digest());
    assertThat(layer.descriptor().size()).isEqualTo(10);
    assertThat(layer.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_LAYER_GZIP);
    assertThat(layer.file()).contains(LAYER.path());
  }
}
