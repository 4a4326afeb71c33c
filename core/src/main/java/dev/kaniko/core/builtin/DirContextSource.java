package dev.kaniko.core.builtin;

import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Uses a local directory in place as the build context; nothing is copied. The host applies the sub-path. */
final class DirContextSource implements ContextSource {

  @Override
  public Path fetch(ContextRequest request, Path targetDir) throws PluginException {
    Path context = contextDir(request.uri());
    if (!Files.isDirectory(context)) {
      throw new PluginException(Reason.NOT_FOUND, "context directory " + context + " does not exist");
    }
    return context;
  }

  private static Path contextDir(String uri) throws PluginException {
    String path = uri.startsWith(DirContextSourceFactory.PREFIX)
        ? uri.substring(DirContextSourceFactory.PREFIX.length())
        : uri;
    if (path.isEmpty()) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "context " + uri + " names no directory");
    }
    try {
      return Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "invalid context path " + uri, e);
    }
  }
}
