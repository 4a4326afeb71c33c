package dev.kaniko.spi;

import java.nio.file.Path;

/**
 * Makes a build context available locally, as a directory or as a tarball the host extracts.
 *
 * <p>The host (not the source) then extracts a returned tarball safely (no entry may land outside
 * the target) and resolves {@link ContextRequest#subPath()} inside the context root.
 */
public interface ContextSource {

  /**
   * Fetches the context root.
   *
   * <p>Return either the context directory (local sources may return it in place; others clone
   * or unpack into {@code targetDir}) or a tar file, plain or gzip-compressed, e.g. downloaded to
   * {@code targetDir/context.tar.gz}. The host extracts a returned file into a fresh directory and
   * deletes it afterwards if it lies inside {@code targetDir}. Do not apply the sub-path: the host
   * does, for every source.
   *
   * @param request the context URI, sub-path and options; print {@link ContextRequest#displayUri()}
   * @param targetDir an empty, writable directory the source may download into
   * @return the context root directory, or a (possibly gzip-compressed) tar file holding it
   * @throws PluginException {@code NOT_FOUND} when the context does not exist, {@code UNAUTHORIZED}
   *     when credentials are missing or refused; the message is one line naming the location
   *     (masked) and never a secret
   */
  Path fetch(ContextRequest request, Path targetDir) throws PluginException;
}
