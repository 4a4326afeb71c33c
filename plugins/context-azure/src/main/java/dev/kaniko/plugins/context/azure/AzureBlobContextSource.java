package dev.kaniko.plugins.context.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.BlobClient;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Downloads an Azure Blob context tarball (streamed to a file); the host extracts it. */
final class AzureBlobContextSource implements ContextSource {

  private final AzureSettings settings;
  private final System.Logger logger;

  AzureBlobContextSource(AzureSettings settings, System.Logger logger) {
    this.settings = settings;
    this.logger = logger;
  }

  @Override
  public Path fetch(ContextRequest request, Path targetDir) throws PluginException {
    String display = request.displayUri();
    AzureBlobLocation location = AzureBlobLocation.parse(request.uri());
    BlobClient blob = AzureBlobClients.create(location, settings, display);
    Path tarball = targetDir.resolve(tarballName(location.blob()));
    logger.log(System.Logger.Level.INFO,
        "Downloading context " + display + " (credentials: " + settings.credentialKind(location) + ")");
    try (OutputStream out = Files.newOutputStream(tarball)) {
      blob.downloadStream(out);
      return tarball;
    } catch (ClientAuthenticationException e) {
      throw AzureErrors.unauthorized(display, e);
    } catch (HttpResponseException e) {
      throw AzureErrors.fromResponse(e, display);
    } catch (IOException | UncheckedIOException e) {
      throw new PluginException(Reason.UNAVAILABLE, "Azure Blob context " + display + ": download failed: "
          + AzureErrors.firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw AzureErrors.fromRuntime(e, display);
    }
  }

  private static String tarballName(String blob) {
    String lower = blob.toLowerCase(Locale.ROOT);
    return lower.endsWith(".gz") || lower.endsWith(".tgz") ? "context.tar.gz" : "context.tar";
  }

  @Override
  public String toString() {
    return "AzureBlobContextSource[" + settings + "]";
  }
}
