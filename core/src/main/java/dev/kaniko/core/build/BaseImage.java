package dev.kaniko.core.build;

import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.LayerBlob;
import java.util.List;

/** A stage's starting point: config, layers (on disk) and the manifest family images keep. */
record BaseImage(ImageConfig config, List<LayerBlob> layers, ImageFormat format) {
  BaseImage {
    layers = List.copyOf(layers);
  }
}
