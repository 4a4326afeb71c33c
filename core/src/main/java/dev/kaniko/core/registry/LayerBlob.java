package dev.kaniko.core.registry;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A layer to push: its descriptor, the local (compressed) file holding it, and optionally the repository it
 * already lives in (the base image), from which a registry on the same host can mount it without an upload.
 */
public record LayerBlob(Descriptor descriptor, Optional<Path> file, Optional<ImageReference> mountSource) {

  /** Validates: a layer needs a file or a mount source. */
  public LayerBlob {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(mountSource, "mountSource");
    if (file.isEmpty() && mountSource.isEmpty()) {
      throw new IllegalArgumentException("layer " + descriptor.digest() + " has neither a file nor a mount source");
    }
  }

  /** A layer built locally. */
  public static LayerBlob ofFile(Descriptor descriptor, Path file) {
    return new LayerBlob(descriptor, Optional.of(file), Optional.empty());
  }

  /** A base-image layer: mounted when possible, else uploaded from {@code file} if one is given. */
  public static LayerBlob fromBase(Descriptor descriptor, ImageReference base, Path fileOrNull) {
    return new LayerBlob(descriptor, Optional.ofNullable(fileOrNull), Optional.of(base));
  }
}
