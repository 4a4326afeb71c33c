package dev.kaniko.plugins.context.azure;

import java.util.Map;
import java.util.Optional;

/**
 * Azure Blob credentials from the build's environment (no SDK types). Without any, the source uses the SAS the URL
 * carries, else {@code DefaultAzureCredential} (managed/workload identity, Azure CLI, {@code AZURE_CLIENT_*}).
 *
 * @param connectionString {@code AZURE_STORAGE_CONNECTION_STRING} (a secret: never printed); its blob endpoint is
 *     used instead of the URL's host, e.g. Azurite's {@code http://127.0.0.1:10000/devstoreaccount1}
 * @param accessKey {@code AZURE_STORAGE_ACCESS_KEY}, the shared key of the URL's account (a secret)
 */
record AzureSettings(Optional<String> connectionString, Optional<String> accessKey) {

  static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
  static final String ACCESS_KEY = "AZURE_STORAGE_ACCESS_KEY";

  static AzureSettings from(Map<String, String> env) {
    return new AzureSettings(value(env, CONNECTION_STRING), value(env, ACCESS_KEY));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** Which credential applies: connection string, then shared key, then the URL's SAS, then Azure identity. */
  String credentialKind(AzureBlobLocation location) {
    if (connectionString.isPresent()) {
      return CONNECTION_STRING;
    }
    if (accessKey.isPresent()) {
      return ACCESS_KEY;
    }
    return location.sas().isPresent() ? "SAS in the URL" : "Azure identity";
  }

  @Override
  public String toString() {
    return "AzureSettings[connectionString=" + (connectionString.isPresent() ? "***" : "none") + ", accessKey="
        + (accessKey.isPresent() ? "***" : "none") + "]";
  }
}
