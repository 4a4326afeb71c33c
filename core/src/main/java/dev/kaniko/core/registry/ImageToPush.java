package dev.kaniko.core.registry;

import dev.kaniko.core.image.AssembledImage;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.ManifestWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A built image ready to push: its manifest family (the base image's), config JSON and layers in order. */
public record ImageToPush(ImageFormat format, byte[] config, List<LayerToPush> layers) {

  /** Validates and copies the parts. */
  public ImageToPush {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(layers);
  }

  /** An image assembled by the build, its layers uploaded from their files (same manifest bytes and digest). */
  public static ImageToPush of(AssembledImage image) {
    List<Descriptor> descriptors = image.manifest().layers();
    List<LayerToPush> layers = new ArrayList<>();
    for (int i = 0; i < descriptors.size(); i++) {
      layers.add(LayerToPush.ofFile(descriptors.get(i), image.layers().get(i).path()));
    }
    return new ImageToPush(image.format(), image.configJson().bytes(), layers);
  }

  /** The config descriptor (media type of the family, digest and size of the bytes). */
  public Descriptor configDescriptor() {
    return new Descriptor(format.configMediaType(), Digests.sha256(config), config.length);
  }

  /** The manifest JSON for this image (deterministic: same input, same bytes, same digest). */
  public byte[] manifest() {
    return ManifestWriter.write(format, configDescriptor(), layers.stream().map(LayerToPush::descriptor).toList());
  }
}
