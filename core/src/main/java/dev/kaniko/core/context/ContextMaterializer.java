package dev.kaniko.core.context;

import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a {@link ContextSource} fetch into the build-context directory: a returned tarball is
 * extracted safely into a fresh directory, then the sub-path is resolved inside the root.
 */
public final class ContextMaterializer {

  static final String FETCH_DIR = "fetch";
  static final String EXTRACT_DIR = "context";

  private final ContextTarballExtractor extractor;

  /** A materializer with the context-mode safe extractor. */
  public ContextMaterializer() {
    this(new ContextTarballExtractor());
  }

  ContextMaterializer(ContextTarballExtractor extractor) {
    this.extractor = extractor;
  }

  /**
   * Fetches {@code request} with {@code source} and returns the context directory, sub-path applied.
   *
   * @param workDir a host-owned scratch directory (created if missing) for downloads and extraction
   * @throws PluginException from the source, or for an unsafe tarball or a missing sub-path
   */
  public Path materialize(ContextSource source, ContextRequest request, Path workDir) throws PluginException {
    String location = request.displayUri();
    Path fetchDir = createEmpty(workDir.resolve(FETCH_DIR), location);
    Path fetched = source.fetch(request, fetchDir);
    if (fetched == null) {
      throw new PluginException(Reason.OTHER, "context source returned nothing for " + location);
    }
    Path root = Files.isDirectory(fetched) ? fetched : extractFile(fetched, fetchDir, workDir, location);
    return SubPathResolver.resolve(root, request.subPath(), location);
  }

  private Path extractFile(Path tarball, Path fetchDir, Path workDir, String location) throws PluginException {
    if (!Files.isRegularFile(tarball)) {
      throw new PluginException(Reason.NOT_FOUND, "context " + location + " does not exist");
    }
    Path target = createEmpty(workDir.resolve(EXTRACT_DIR), location);
    try (InputStream in = Files.newInputStream(tarball)) {
      extractor.extract(in, target, location);
    } catch (IOException e) {
      throw new PluginException(Reason.OTHER, "cannot read context " + location + ": " + e.getMessage(), e);
    }
    deleteIfInside(tarball, fetchDir);
    return target;
  }

  private static void deleteIfInside(Path tarball, Path fetchDir) {
    if (tarball.toAbsolutePath().normalize().startsWith(fetchDir.toAbsolutePath().normalize())) {
      try {
        Files.deleteIfExists(tarball);
      } catch (IOException e) {
        System.getLogger(ContextMaterializer.class.getName())
            .log(System.Logger.Level.DEBUG, "cannot delete downloaded context tarball " + tarball, e);
      }
    }
  }

  private static Path createEmpty(Path dir, String location) throws PluginException {
    try {
      Files.createDirectories(dir);
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new PluginException(Reason.OTHER, "scratch directory " + dir + " for context " + location + " is not empty");
        }
      }
      return dir;
    } catch (IOException e) {
      throw new PluginException(Reason.OTHER, "cannot create scratch directory " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ContextMaterializer";
  }
}
