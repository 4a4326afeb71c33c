package dev.kaniko.plugins.context.s3;

import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Downloads an {@code s3://bucket/key} context tarball (streamed to a file); the host extracts it. */
final class S3ContextSource implements ContextSource {

  private final S3Settings settings;
  private final System.Logger logger;

  S3ContextSource(S3Settings settings, System.Logger logger) {
    this.settings = settings;
    this.logger = logger;
  }

  @Override
  public Path fetch(ContextRequest request, Path targetDir) throws PluginException {
    S3Location location = S3Location.parse(request.uri());
    Path tarball = targetDir.resolve(TarballNames.forKey(location.key()));
    logger.log(System.Logger.Level.INFO, "Downloading context " + request.displayUri() + " (" + settings + ")");
    try (S3Client client = S3Clients.create(settings)) {
      client.getObject(
          GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build(),
          ResponseTransformer.toFile(tarball));
      return tarball;
    } catch (S3Exception e) {
      throw S3Errors.fromService(e, request.displayUri());
    } catch (SdkClientException e) {
      throw S3Errors.fromClient(e, request.displayUri());
    } catch (SdkException e) {
      throw new PluginException(Reason.OTHER, "cannot download context " + request.displayUri() + ": "
          + S3Errors.firstLine(e.getMessage()), e);
    }
  }

  @Override
  public String toString() {
    return "S3ContextSource[" + settings + "]";
  }
}
