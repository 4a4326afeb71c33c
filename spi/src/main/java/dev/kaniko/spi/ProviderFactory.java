package dev.kaniko.spi;

import java.util.Map;
import java.util.Set;

/**
 * Creates one kind of provider ({@link ContextSource}, {@link CredentialHelper},
 * {@link SnapshotStrategy}, {@link CacheBackend}). Cheap to construct; heavy work belongs in
 * {@link #create}.
 *
 * @param <T> the SPI interface the created provider implements
 */
public interface ProviderFactory<T> {

  /** The SPI interface of the providers this factory creates, e.g. {@code CredentialHelper.class}. */
  Class<T> type();

  /** Name unique among the factories of the same {@link #type()}, e.g. {@code s3} or {@code ecr}. */
  String name();

  /** Factories of a type are consulted in descending priority; built-ins use {@code 0}. */
  default int priority() {
    return 0;
  }

  /** Configuration keys whose values are secrets: the host never logs or prints them. */
  default Set<String> sensitiveConfigKeys() {
    return Set.of();
  }

  /**
   * Creates a provider.
   *
   * @param config provider configuration (never {@code null})
   * @param context host services for the provider
   * @return the provider, never {@code null}
   * @throws PluginException if the configuration is invalid or the provider cannot be created
   */
  T create(Map<String, String> config, PluginContext context) throws PluginException;
}
