package dev.kaniko.core.image;

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
    Descriptor configDescriptor = Descriptor.of(format.configMediaType(), configJson.digest(), configJson.size());
    Manifest manifest = new Manifest(2, format.manifestMediaType(), configDescriptor, layerDescriptors);
    byte[] manifestBytes = ManifestWriter.write(format, configDescriptor, layerDescriptors);
    return new AssembledImage(format, withRootFs, configJson, manifest,
        new SerializedJson(manifestBytes, Digests.sha256(manifestBytes)), layers);
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
