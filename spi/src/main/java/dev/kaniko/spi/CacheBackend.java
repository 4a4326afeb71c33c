package dev.kaniko.spi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Stores layers by cache key. Implementations must be thread-safe. */
public interface CacheBackend {

  /**
   * Finds the layer cached under a key.
   *
   * @param key the cache key (a hex digest)
   * @return the entry, or empty on a miss
   * @throws PluginException if the backend cannot be queried
   */
  Optional<CacheEntry> lookup(String key) throws PluginException;

  /**
   * Opens a cached layer blob for streaming; the caller closes it.
   *
   * @param entry an entry returned by {@link #lookup}
   * @return the compressed layer bytes
   * @throws PluginException {@code NOT_FOUND} if the blob vanished
   */
  InputStream open(CacheEntry entry) throws PluginException;

  /**
   * Stores a layer under a key.
   *
   * @param key the cache key
   * @param entry the layer's metadata
   * @param blob file holding the compressed layer; stream it, do not load it whole
   * @throws PluginException if the layer cannot be stored
   */
  void store(String key, CacheEntry entry, Path blob) throws PluginException;
}
