package dev.kaniko.core.builtin;

import dev.kaniko.core.context.ContextTarballExtractor;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A local tar file is returned as is (the host extracts it safely); {@code tar://stdin} is streamed
 * straight from standard input into the target directory with the same safe extractor.
 */
final class TarContextSource implements ContextSource {

  static final String STDIN = "stdin";

  private final Supplier<InputStream> stdin;

  TarContextSource(Supplier<InputStream> stdin) {
    this.stdin = stdin;
  }

  @Override
  public Path fetch(ContextRequest request, Path targetDir) throws PluginException {
    String path = request.uri().substring(TarContextSourceFactory.PREFIX.length());
    if (path.equals(STDIN)) {
      // not closed: standard input belongs to the process
      new ContextTarballExtractor().extract(stdin.get(), targetDir, request.displayUri());
      return targetDir;
    }
    return tarFile(path, request.displayUri());
  }

  private static Path tarFile(String path, String location) throws PluginException {
    if (path.isEmpty()) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "context " + location + " names no tar file");
    }
    Path file;
    try {
      file = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "invalid context path " + location, e);
    }
    if (!Files.isRegularFile(file)) {
      throw new PluginException(Reason.NOT_FOUND, "context tar file " + location + " does not exist");
    }
    if (!Files.isReadable(file)) {
      throw new PluginException(Reason.UNAUTHORIZED, "context tar file " + location + " is not readable");
    }
    return file;
  }
}
