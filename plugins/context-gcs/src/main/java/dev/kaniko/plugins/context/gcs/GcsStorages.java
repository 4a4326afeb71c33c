package dev.kaniko.plugins.context.gcs;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/** Builds the HTTP (JSON API) {@link Storage} client for {@link GcsSettings}. */
final class GcsStorages {

  static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/devstorage.read_only");

  private GcsStorages() {}

  static Storage create(GcsSettings settings) throws PluginException {
    StorageOptions.Builder builder = StorageOptions.http()
        .setRetrySettings(ServiceOptions.getDefaultRetrySettings().toBuilder().setMaxAttempts(3).build());
    settings.emulatorHost().ifPresent(host -> builder.setHost(host.toString()));
    settings.projectId().ifPresent(builder::setProjectId);
    if (settings.credentialsFile().isPresent()) {
      builder.setCredentials(fromFile(settings));
    } else if (settings.emulatorHost().isPresent()) {
      builder.setCredentials(NoCredentials.getInstance());
    } else {
      builder.setCredentials(applicationDefault());
    }
    return builder.build().getService();
  }

  private static GoogleCredentials fromFile(GcsSettings settings) throws PluginException {
    try (InputStream in = Files.newInputStream(settings.credentialsFile().get())) {
      return GoogleCredentials.fromStream(in).createScoped(SCOPES);
    } catch (IOException | RuntimeException e) {
      // Never quote the file's content (a private key) nor the parser's message about it.
      throw new PluginException(Reason.INVALID_CONFIGURATION, GcsSettings.CREDENTIALS + " file "
          + settings.credentialsFile().get() + " cannot be read as Google credentials (" + e.getClass().getSimpleName()
          + ")");
    }
  }

  private static GoogleCredentials applicationDefault() throws PluginException {
    try {
      return GoogleCredentials.getApplicationDefault().createScoped(SCOPES);
    } catch (IOException e) {
      throw new PluginException(Reason.UNAUTHORIZED, "no Google application default credentials: set "
          + GcsSettings.CREDENTIALS + " or run on Google Cloud with a service account");
    }
  }
}
