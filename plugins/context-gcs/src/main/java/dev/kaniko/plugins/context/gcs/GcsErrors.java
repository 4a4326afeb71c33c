package dev.kaniko.plugins.context.gcs;

import com.google.cloud.storage.StorageException;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;

/** Maps GCS client failures to one-line {@link PluginException}s naming the (masked) location. */
final class GcsErrors {

  private GcsErrors() {}

  static PluginException from(StorageException e, String display, GcsLocation location) {
    int code = e.getCode();
    String detail = " (HTTP " + code + (e.getReason() == null ? "" : " " + e.getReason()) + ")";
    if (code == 404) {
      return new PluginException(Reason.NOT_FOUND, "GCS context " + display + ": bucket or object " + location
          + " does not exist" + detail, e);
    }
    if (code == 401 || code == 403 || authFailure(e)) {
      return new PluginException(Reason.UNAUTHORIZED, "GCS context " + display
          + ": access denied, check the Google credentials (" + GcsSettings.CREDENTIALS + " or ADC)"
          + (code > 0 ? detail : ""), e);
    }
    if (code == 0 || code >= 500 || code == 429) {
      return new PluginException(Reason.UNAVAILABLE, "GCS context " + display + ": cannot reach GCS: "
          + firstLine(e.getMessage()), e);
    }
    return new PluginException(Reason.OTHER, "GCS context " + display + ": request failed" + detail, e);
  }

  static PluginException fromRuntime(RuntimeException e, String display) {
    if (authFailure(e)) {
      return new PluginException(Reason.UNAUTHORIZED, "GCS context " + display
          + ": the Google credentials were refused", e);
    }
    return new PluginException(Reason.OTHER, "GCS context " + display + ": " + firstLine(e.getMessage()), e);
  }

  /** Whether a token refresh failed: google-auth reports it as a GoogleAuthException (an IOException). */
  private static boolean authFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().equals("com.google.auth.oauth2.GoogleAuthException")) {
        return true;
      }
      if (t instanceof IOException && String.valueOf(t.getMessage()).contains("Error getting access token")) {
        return true;
      }
    }
    return false;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
