package dev.kaniko.plugins.context.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobStorageException;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;

/** Maps Azure SDK failures to one-line {@link PluginException}s naming the (masked) location. */
final class AzureErrors {

  private AzureErrors() {}

  static PluginException fromResponse(HttpResponseException e, String location) {
    int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    String code = e instanceof BlobStorageException b && b.getErrorCode() != null ? b.getErrorCode().toString() : null;
    String detail = " (HTTP " + status + (code == null ? "" : " " + code) + ")";
    if (status == 404) {
      String what = "ContainerNotFound".equals(code) ? "container does not exist" : "blob does not exist";
      return new PluginException(Reason.NOT_FOUND, "Azure Blob context " + location + ": " + what + detail, e);
    }
    if (status == 401 || status == 403) {
      return new PluginException(Reason.UNAUTHORIZED, "Azure Blob context " + location
          + ": access denied, check AZURE_STORAGE_ACCESS_KEY, the connection string, SAS or identity" + detail, e);
    }
    Reason reason = status >= 500 ? Reason.UNAVAILABLE : Reason.OTHER;
    return new PluginException(reason, "Azure Blob context " + location + ": request failed" + detail, e);
  }

  static PluginException unauthorized(String location, ClientAuthenticationException e) {
    return new PluginException(Reason.UNAUTHORIZED, "Azure Blob context " + location
        + ": no usable Azure credential (set AZURE_STORAGE_ACCESS_KEY, AZURE_STORAGE_CONNECTION_STRING, a SAS,"
        + " or an identity)", e);
  }

  static PluginException fromRuntime(RuntimeException e, String location) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClientAuthenticationException auth) {
        return unauthorized(location, auth);
      }
      if (t instanceof HttpResponseException response) {
        return fromResponse(response, location);
      }
      if (t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException) {
        return new PluginException(Reason.UNAVAILABLE, "Azure Blob context " + location + ": cannot reach the blob"
            + " service: " + firstLine(t.getMessage()), e);
      }
    }
    if (e.getClass().getName().startsWith("com.azure.identity.")) {
      return new PluginException(Reason.UNAUTHORIZED, "Azure Blob context " + location
          + ": no usable Azure credential: " + firstLine(e.getMessage()), e);
    }
    return new PluginException(Reason.OTHER, "Azure Blob context " + location + ": " + firstLine(e.getMessage()), e);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
