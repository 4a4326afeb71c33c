package dev.kaniko.core.registry;

import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.LayerBlob;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A layer to push: its descriptor, the local (compressed) file holding it, and optionally the repository it
 * already lives in (the base image), from which a registry on the same host can mount it without an upload.
 */
public record LayerToPush(Descriptor descriptor, Optional<Path> file, Optional<ImageReference> mountSource) {

  /** Validates: a layer needs a file or a mount source. */
  public LayerToPush {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mountSource, "mountSource");
    if (file.isEmpty() && mountSource.isEmpty()) {
      throw new IllegalArgumentException("layer " + descriptor.digest() + " has neither a file nor a mount source");
    }
  }

  /** A layer built by the layer writer. */
  public static LayerToPush of(LayerBlob blob) {
    return ofFile(Descriptor.of(blob.mediaType(), blob.digest(), blob.size()), blob.path());
  }

  /** A layer built locally. */
  public static LayerToPush ofFile(Descriptor descriptor, Path file) {
    return new LayerToPush(descriptor, Optional.of(file), Optional.empty());
  }

  /** A base-image layer: mounted when possible, else uploaded from {@code file} if one is given. */
  public static LayerToPush fromBase(Descriptor descriptor, ImageReference base, Path fileOrNull) {
    return new LayerToPush(descriptor, Optional.ofNullable(fileOrNull), Optional.of(base));
  }
}
