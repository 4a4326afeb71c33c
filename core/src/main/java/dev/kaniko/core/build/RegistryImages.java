package dev.kaniko.core.build;

import dev.kaniko.core.image.AssembledImage;
import dev.kaniko.core.image.SerializedJson;
import dev.kaniko.core.registry.Descriptor;
import dev.kaniko.core.registry.Digests;
import dev.kaniko.core.registry.ImageFormat;
import dev.kaniko.core.registry.ImageToPush;
import dev.kaniko.core.registry.LayerBlob;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridges the assembled image and the registry adapter, so that the OCI layout, the docker archive,
 * the digest files and the registry all hold the very same manifest bytes (and digest).
 */
final class RegistryImages {
  private RegistryImages() {}

  /** The image as the registry adapter pushes it. */
  static ImageToPush toPush(AssembledImage image) {
    List<LayerBlob> layers = new ArrayList<>();
    for (int i = 0; i < image.layers().size(); i++) {
      dev.kaniko.core.image.Descriptor d = image.manifest().layers().get(i);
      layers.add(LayerBlob.ofFile(new Descriptor(d.mediaType(), d.digest(), d.size()),
          image.layers().get(i).path()));
    }
    ImageFormat format = image.format() == dev.kaniko.core.image.ImageFormat.OCI
        ? ImageFormat.OCI : ImageFormat.DOCKER;
    return new ImageToPush(format, image.configJson().bytes(), layers);
  }

  /** {@code image} with the manifest bytes the registry adapter writes for it. */
  static AssembledImage withPushedManifest(AssembledImage image) {
    byte[] manifest = toPush(image).manifest();
    return new AssembledImage(image.format(), image.config(), image.configJson(),
        image.manifest(), new SerializedJson(manifest, Digests.sha256(manifest)), image.layers());
  }
}
