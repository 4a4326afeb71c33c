package dev.kaniko.core.cache;

import dev.kaniko.core.options.GoDuration;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The built-in on-disk cache backends: {@code dir} ({@link LocalDirCacheBackend}) and {@code oci}
 * ({@link OciLayoutCacheBackend}). Config: {@code path} (required), {@code ttl} (Go duration,
 * default {@value #DEFAULT_TTL}).
 */
public final class FileCacheBackendFactory implements ProviderFactory<CacheBackend> {
  /** kaniko's default {@code --cache-ttl}. */
  public static final String DEFAULT_TTL = "336h";

  private final String name;

  private FileCacheBackendFactory(String name) {
    this.name = name;
  }

  /** The {@code dir} backend factory. */
  public static FileCacheBackendFactory dir() {
    return new FileCacheBackendFactory("dir");
  }

  /** The {@code oci} (OCI image layout) backend factory. */
  public static FileCacheBackendFactory oci() {
    return new FileCacheBackendFactory("oci");
  }

  @Override
  public Class<CacheBackend> type() {
    return CacheBackend.class;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CacheBackend create(Map<String, String> config, PluginContext context) throws PluginException {
    String path = config.get("path");
    if (path == null || path.isBlank()) {
      throw new PluginException(PluginException.Reason.INVALID_CONFIGURATION,
          "the " + name + " cache backend needs a 'path'");
    }
    Duration ttl;
    try {
      ttl = GoDuration.parse(config.getOrDefault("ttl", DEFAULT_TTL));
    } catch (IllegalArgumentException e) {
      throw new PluginException(PluginException.Reason.INVALID_CONFIGURATION,
          "the " + name + " cache backend's 'ttl': " + e.getMessage(), e);
    }
    Path root = Path.of(path);
    return name.equals("dir") ? new LocalDirCacheBackend(root, ttl, Clock.systemUTC())
        : new OciLayoutCacheBackend(root, ttl, Clock.systemUTC());
  }
}
