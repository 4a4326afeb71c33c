package dev.kaniko.executor;

import dev.kaniko.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.Optional;

/** Makes the build context available as a local directory; closing it releases plugins. */
interface ContextFetcher extends AutoCloseable {
  /**
   * Fetches {@code uri} (the {@code --context} value) with {@code subPath} applied.
   *
   * @param targetDir an empty directory remote sources download into
   * @param workDir a scratch directory for the context source
   * @return the context directory
   * @throws UserException when the context cannot be fetched
   */
  Path fetch(String uri, String subPath, Path targetDir, Path workDir);

  /** The loaded plugins, open until {@link #close()} (for credential helpers); empty if none. */
  default Optional<PluginRegistry> plugins() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
