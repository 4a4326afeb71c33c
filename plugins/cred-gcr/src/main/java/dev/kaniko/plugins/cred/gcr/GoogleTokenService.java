package dev.kaniko.plugins.cred.gcr;

import dev.kaniko.spi.PluginException;

/** Fetches a fresh Google access token (the seam between caching and the auth library). */
public interface GoogleTokenService {

  /** Gets a new access token with the {@code cloud-platform} scope; never cached. */
  GoogleToken fetch() throws PluginException;
}
