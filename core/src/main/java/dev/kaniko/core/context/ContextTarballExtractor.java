package dev.kaniko.core.context;

import dev.kaniko.core.extract.ExtractOptions;
import dev.kaniko.core.extract.ExtractionException;
import dev.kaniko.core.extract.TarExtractor;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Extracts a context tarball (plain, gzip or zstd) safely: no entry may land outside the target. */
public final class ContextTarballExtractor {

  private final TarExtractor extractor = new TarExtractor(ExtractOptions.context());

  /**
   * Streams the tar read from {@code tarball} into the existing directory {@code target}.
   *
   * @param location the masked context location, for messages
   * @throws PluginException {@code INVALID_CONFIGURATION} for an unsafe or corrupt archive,
   *     {@code UNAVAILABLE} when reading the stream fails
   */
  public void extract(InputStream tarball, Path target, String location) throws PluginException {
    try {
      extractor.extract(tarball, target);
    } catch (ExtractionException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION,
          "context " + location + " is refused: " + oneLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION,
          "cannot extract context " + location + ": " + oneLine(String.valueOf(e.getMessage())), e);
    }
  }

  static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  @Override
  public String toString() {
    return "ContextTarballExtractor";
  }
}
