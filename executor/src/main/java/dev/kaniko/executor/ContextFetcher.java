package dev.kaniko.executor;

import java.nio.file.Path;

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

  @Override
  default void close() {}
}
