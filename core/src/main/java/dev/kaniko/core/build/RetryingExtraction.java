package dev.kaniko.core.build;

import dev.kaniko.core.extract.ExtractionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Extracts a base layer into a rootfs, retrying an I/O failure up to {@code --image-fs-extract-retry}
 * more times with a warning each; a hostile or invalid entry ({@link ExtractionException}) fails at once.
 */
final class RetryingExtraction {

  /** One attempt at extracting {@code layer} into {@code rootfs}. */
  @FunctionalInterface
  interface LayerExtraction {
    void extract(Path layer, Path rootfs) throws IOException;
  }

  private final LayerExtraction extraction;
  private final int retries;
  private final Consumer<String> warnings;

  RetryingExtraction(LayerExtraction extraction, int retries, Consumer<String> warnings) {
    if (retries < 0) {
      throw new IllegalArgumentException("--image-fs-extract-retry must not be negative: " + retries);
    }
    this.extraction = Objects.requireNonNull(extraction, "extraction");
    this.retries = retries;
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  void extract(Path layer, Path rootfs) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        extraction.extract(layer, rootfs);
        return;
      } catch (ExtractionException e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= retries) {
          throw e;
        }
        warnings.accept("Extracting base layer " + layer.getFileName() + " failed (" + e.getMessage()
            + "); retrying (" + (attempt + 1) + " of " + retries + ", --image-fs-extract-retry)");
      }
    }
  }
}
