package dev.kaniko.core.image;

import java.util.List;

/**
 * A complete image ready to be written or pushed: the exact config and manifest bytes (with
 * digests) and the layer blobs on disk, in manifest order.
 */
public record AssembledImage(
    ImageFormat format,
    ImageConfig config,
    SerializedJson configJson,
    Manifest manifest,
    SerializedJson manifestJson,
    List<LayerBlob> layers) {

  public AssembledImage {
    layers = List.copyOf(layers);
  }

  /** The image digest (of the manifest bytes). */
  public String digest() {
    return manifestJson.digest();
  }

  /** The platform the config declares, for index entries. */
  public Platform platform() {
    return new Platform(config.os(), config.architecture(), config.variant());
  }
}
