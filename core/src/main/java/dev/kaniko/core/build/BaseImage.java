package dev.kaniko.core.build;

import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.LayerBlob;
import java.util.List;

/**
 * A stage's starting point: config, layers (on disk), the manifest family images keep and the
 * manifest digest (the root of the layer-cache key chain).
 */
record BaseImage(ImageConfig config, List<LayerBlob> layers, ImageFormat format, String digest) {
  BaseImage {
    layers = List.copyOf(layers);
  }
}
