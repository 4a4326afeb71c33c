package dev.kaniko.core.image;

import dev.kaniko.core.layer.LayerContents;
import dev.kaniko.core.layer.LayerOptions;
import dev.kaniko.core.layer.LayerWriter;
import dev.kaniko.core.layer.SampleTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A two-layer image built on disk: the sample tree, then a layer that changes a file, adds a
 * directory, deletes a symlink (whiteout) and replaces {@code data/} (opaque). {@link #root}
 * ends in the state the image's filesystem must have.
 */
final class TwoLayerImage {
  final Path root;
  final List<LayerBlob> layers;
  final ImageConfig config;

  private TwoLayerImage(Path root, List<LayerBlob> layers, ImageConfig config) {
    this.root = root;
    this.layers = layers;
    this.config = config;
  }

  static TwoLayerImage create(Path tmp, LayerOptions options) throws Exception {
    Path root = SampleTree.create(tmp.resolve("rootfs"), 256 * 1024);
    LayerWriter writer = new LayerWriter(options);
    LayerBlob base = writer.write(LayerContents.ofTree(root));
    Files.writeString(root.resolve("etc/hosts"), "10.0.0.1 changed\n");
    Files.createDirectories(root.resolve("srv"));
    Files.writeString(root.resolve("srv/app.txt"), "app\n");
    Files.delete(root.resolve("bin/link"));
    Files.delete(root.resolve("data/big.bin"));
    Files.writeString(root.resolve("data/new.txt"), "fresh\n");
    LayerBlob top = writer.write(new LayerContents(root,
        List.of("etc/hosts", "srv", "srv/app.txt", "data/new.txt"),
        List.of("bin/link"), List.of("data")));
    ImageConfig config = ImageConfig.scratch("linux", "amd64", null)
        .withCreated(Instant.parse("2024-01-02T03:04:05Z"))
        .withConfig(ContainerConfig.builder()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .cmd(List.of("/bin/sh"))
            .workingDir("/srv")
            .label("test", "two-layers")
            .build())
        .addHistory(new HistoryEntry("2024-01-02T03:04:05Z", "ADD rootfs /", null, null, null))
        .addHistory(new HistoryEntry("2024-01-02T03:04:05Z", "RUN change", null, null, null))
        .addHistory(new HistoryEntry("2024-01-02T03:04:05Z", "CMD [\"/bin/sh\"]", null, null, true));
    return new TwoLayerImage(root, List.of(base, top), config);
  }

  AssembledImage assemble(ImageFormat format) {
    return ImageAssembler.assemble(config, layers, format);
  }
}
