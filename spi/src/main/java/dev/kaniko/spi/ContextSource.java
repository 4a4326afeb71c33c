package dev.kaniko.spi;

import java.nio.file.Path;

/** Makes a build context (a directory) available locally. */
public interface ContextSource {

  /**
   * Fetches the context and applies {@link ContextRequest#subPath()}.
   *
   * @param request the context URI and sub-path
   * @param targetDir an empty directory the source may download into; local sources may ignore it
   * @return the directory holding the context, sub-path applied
   * @throws PluginException {@code NOT_FOUND} when the context or sub-path does not exist
   */
  Path fetch(ContextRequest request, Path targetDir) throws PluginException;
}
