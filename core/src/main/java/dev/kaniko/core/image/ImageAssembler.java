package dev.kaniko.core.image;

import dev.kaniko.core.layer.LayerBlob;
import java.util.ArrayList;
import java.util.List;

/** Builds the config and manifest of an image from a config model and its layers. */
public final class ImageAssembler {
  private ImageAssembler() {}

  /**
   * Sets {@code rootfs.diff_ids} from the layers, checks the history agrees with the layer count
   * (when there is history), and serialises config then manifest in the given family.
   */
  public static AssembledImage assemble(
      ImageConfig config, List<LayerBlob> layers, ImageFormat format) {
    List<String> diffIds = new ArrayList<>();
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (LayerBlob layer : layers) {
      diffIds.add(layer.diffId());
      layerDescriptors.add(Descriptor.of(
          format.layerMediaType(layer.mediaType()), layer.digest(), layer.size()));
    }
    checkHistory(config, layers.size());
    ImageConfig withRootFs = config.withRootFs(RootFs.of(diffIds));
    SerializedJson configJson = ImageJson.serialize(withRootFs);
    Manifest manifest = new Manifest(2, format.manifestMediaType(),
        Descriptor.of(format.configMediaType(), configJson.digest(), configJson.size()),
        layerDescriptors);
    return new AssembledImage(format, withRootFs, configJson, manifest,
        ImageJson.serialize(manifest), layers);
  }

  private static void checkHistory(ImageConfig config, int layerCount) {
    if (config.history().isEmpty()) {
      return;
    }
    long nonEmpty = config.history().stream().filter(h -> !h.isEmptyLayer()).count();
    if (nonEmpty != layerCount) {
      throw new IllegalArgumentException("image history has " + nonEmpty
          + " non-empty entries but the image has " + layerCount + " layers");
    }
  }
}
