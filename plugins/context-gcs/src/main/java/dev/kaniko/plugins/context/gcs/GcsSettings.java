package dev.kaniko.plugins.context.gcs;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach GCS, from the build's environment (no SDK types).
 *
 * @param emulatorHost {@code STORAGE_EMULATOR_HOST}: a GCS-compatible endpoint instead of Google's
 * @param credentialsFile {@code GOOGLE_APPLICATION_CREDENTIALS}: a service-account or other ADC JSON file
 * @param projectId {@code GOOGLE_CLOUD_PROJECT}, if set
 */
record GcsSettings(Optional<URI> emulatorHost, Optional<Path> credentialsFile, Optional<String> projectId) {

  static final String EMULATOR_HOST = "STORAGE_EMULATOR_HOST";
  static final String CREDENTIALS = "GOOGLE_APPLICATION_CREDENTIALS";

  static GcsSettings from(Map<String, String> env) throws PluginException {
    return new GcsSettings(emulator(env), value(env, CREDENTIALS).map(Path::of),
        value(env, "GOOGLE_CLOUD_PROJECT"));
  }

  private static Optional<URI> emulator(Map<String, String> env) throws PluginException {
    Optional<String> raw = value(env, EMULATOR_HOST);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String text = raw.get().contains("://") ? raw.get() : "http://" + raw.get();
    try {
      URI uri = URI.create(text);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, EMULATOR_HOST + " is not a host or URL: " + raw.get());
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "GcsSettings[endpoint=" + emulatorHost.map(URI::toString).orElse("google") + ", credentials="
        + credentialsFile.map(f -> "file " + f).orElse(emulatorHost.isPresent() ? "none" : "application default")
        + "]";
  }
}
