package dev.kaniko.executor;

import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.ContextRequest;
import java.nio.file.Path;
import java.util.Optional;

/** Makes the build context available as a local directory; closing it releases plugins. */
interface ContextFetcher extends AutoCloseable {
  /**
   * Fetches the request's URI (the {@code --context} value, or the {@code --bucket} tarball) with
   * its sub-path and source options ({@code git.branch}, ...) applied.
   *
   * @param targetDir an empty directory remote sources download into
   * @param workDir a scratch directory for the context source
   * @return the context directory
   * @throws UserException when the context cannot be fetched
   */
  Path fetch(ContextRequest request, Path targetDir, Path workDir);

  /** The loaded plugins, open until {@link #close()} (for credential helpers); empty if none. */
  default Optional<PluginRegistry> plugins() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
