package dev.kaniko.plugins.context.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.nio.file.Path;
import java.util.Locale;

/** Downloads a {@code gs://} context tarball (streamed to a file); the host extracts it. */
final class GcsContextSource implements ContextSource {

  /** Opens the client; a seam so tests can hand in the vendor's in-memory fake. */
  @FunctionalInterface
  interface StorageFactory {
    Storage open(GcsSettings settings) throws PluginException;
  }

  private final GcsSettings settings;
  private final StorageFactory storages;
  private final System.Logger logger;

  GcsContextSource(GcsSettings settings, StorageFactory storages, System.Logger logger) {
    this.settings = settings;
    this.storages = storages;
    this.logger = logger;
  }

  @Override
  public Path fetch(ContextRequest request, Path targetDir) throws PluginException {
    String display = request.displayUri();
    GcsLocation location = GcsLocation.parse(request.uri());
    Storage storage = open(display);
    Path tarball = targetDir.resolve(tarballName(location.object()));
    logger.log(System.Logger.Level.INFO, "Downloading context " + location + " (" + settings + ")");
    try {
      Blob blob = storage.get(BlobId.of(location.bucket(), location.object()));
      if (blob == null) {
        throw new PluginException(Reason.NOT_FOUND, "GCS context " + display + ": object " + location
            + " does not exist");
      }
      blob.downloadTo(tarball);
      return tarball;
    } catch (StorageException e) {
      throw GcsErrors.from(e, display, location);
    } catch (RuntimeException e) {
      throw GcsErrors.fromRuntime(e, display);
    } finally {
      close(storage);
    }
  }

  private Storage open(String display) throws PluginException {
    try {
      return storages.open(settings);
    } catch (PluginException e) {
      throw new PluginException(e.reason(), "GCS context " + display + ": " + e.getMessage(), e.getCause());
    }
  }

  private static void close(Storage storage) {
    try {
      storage.close();
    } catch (Exception e) {
      // Nothing to do: the download has finished or failed already.
    }
  }

  private static String tarballName(String object) {
    String lower = object.toLowerCase(Locale.ROOT);
    return lower.endsWith(".gz") || lower.endsWith(".tgz") ? "context.tar.gz" : "context.tar";
  }

  @Override
  public String toString() {
    return "GcsContextSource[" + settings + "]";
  }
}
