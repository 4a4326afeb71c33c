package dev.kaniko.core.registry;

import java.util.List;
import java.util.Objects;

/** A built image ready to push: its manifest family (the base image's), config JSON and layers in order. */
public record ImageToPush(ImageFormat format, byte[] config, List<LayerBlob> layers) {

  /** Validates and copies the parts. */
  public ImageToPush {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(layers);
  }

  /** The config descriptor (media type of the family, digest and size of the bytes). */
  public Descriptor configDescriptor() {
    return new Descriptor(format.configMediaType(), Digests.sha256(config), config.length);
  }

  /** The manifest JSON for this image (deterministic: same input, same bytes, same digest). */
  public byte[] manifest() {
    return ManifestWriter.write(format, configDescriptor(), layers.stream().map(LayerBlob::descriptor).toList());
  }
}
