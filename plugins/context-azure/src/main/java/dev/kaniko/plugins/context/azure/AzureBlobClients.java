package dev.kaniko.plugins.context.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.util.Locale;
import java.util.Optional;

/** Builds the {@link BlobClient} for a location, with the credential {@link AzureSettings} selects. */
final class AzureBlobClients {

  private static final RequestRetryOptions RETRIES =
      new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3, (Integer) null, 500L, 4_000L, null);

  private AzureBlobClients() {}

  static BlobClient create(AzureBlobLocation location, AzureSettings settings, String display) throws PluginException {
    BlobServiceClientBuilder builder = new BlobServiceClientBuilder().httpClient(httpClient()).retryOptions(RETRIES);
    if (settings.connectionString().isPresent()) {
      String connectionString = settings.connectionString().get();
      checkAccount(connectionString, location, display);
      try {
        builder.connectionString(connectionString);
      } catch (IllegalArgumentException e) {
        // The SDK's message may quote the string: never pass it on.
        throw new PluginException(Reason.INVALID_CONFIGURATION,
            AzureSettings.CONNECTION_STRING + " is not a valid Azure Storage connection string");
      }
    } else if (settings.accessKey().isPresent()) {
      builder.endpoint(location.serviceEndpoint())
          .credential(new StorageSharedKeyCredential(location.account(), settings.accessKey().get()));
    } else if (location.sas().isPresent()) {
      builder.endpoint(location.serviceEndpoint()).sasToken(location.sas().get());
    } else {
      builder.endpoint(location.serviceEndpoint()).credential(new DefaultAzureCredentialBuilder().build());
    }
    return builder.buildClient().getBlobContainerClient(location.container()).getBlobClient(location.blob());
  }

  private static HttpClient httpClient() {
    return new JdkHttpClientBuilder().build();
  }

  /** A connection string for another account than the URL's is a configuration error, not a 404. */
  private static void checkAccount(String connectionString, AzureBlobLocation location, String display)
      throws PluginException {
    Optional<String> account = setting(connectionString, "AccountName");
    if (account.isPresent() && !account.get().equalsIgnoreCase(location.account())) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "Azure Blob context " + display + ": "
          + AzureSettings.CONNECTION_STRING + " is for account '" + account.get() + "', not '" + location.account()
          + "'");
    }
  }

  private static Optional<String> setting(String connectionString, String name) {
    for (String part : connectionString.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(part.substring(eq + 1).trim());
      }
    }
    return Optional.empty();
  }
}
