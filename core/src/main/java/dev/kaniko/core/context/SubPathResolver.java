package dev.kaniko.core.context;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Resolves {@code --context-sub-path} inside a context root; it may not leave the root, even via symlinks. */
public final class SubPathResolver {

  private SubPathResolver() {}

  /**
   * The directory {@code subPath} names inside {@code root} ({@code root} itself for "").
   *
   * @param location the masked context location, for messages
   * @throws PluginException {@code NOT_FOUND} when it does not exist, {@code INVALID_CONFIGURATION}
   *     when it is absolute or leaves the context
   */
  public static Path resolve(Path root, String subPath, String location) throws PluginException {
    Path realRoot = realPath(root, location);
    if (subPath.isEmpty()) {
      return realRoot;
    }
    Path resolved = realRoot.resolve(relative(subPath)).normalize();
    if (!resolved.startsWith(realRoot)) {
      throw leaves(subPath, location);
    }
    if (!Files.isDirectory(resolved)) {
      throw new PluginException(Reason.NOT_FOUND,
          "context sub-path " + subPath + " does not exist in context " + location);
    }
    Path real = realPath(resolved, location);
    if (!real.startsWith(realRoot)) {
      throw leaves(subPath, location);
    }
    return real;
  }

  private static Path relative(String subPath) throws PluginException {
    Path relative;
    try {
      relative = Path.of(subPath);
    } catch (InvalidPathException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "invalid context sub-path " + subPath, e);
    }
    if (relative.isAbsolute()) {
      throw new PluginException(Reason.INVALID_CONFIGURATION,
          "context sub-path " + subPath + " must be relative to the context");
    }
    return relative;
  }

  private static Path realPath(Path path, String location) throws PluginException {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new PluginException(Reason.NOT_FOUND, "context " + location + " does not exist", e);
    }
  }

  private static PluginException leaves(String subPath, String location) {
    return new PluginException(Reason.INVALID_CONFIGURATION,
        "context sub-path " + subPath + " leaves the context " + location);
  }
}
