package dev.kaniko.executor;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Dockerfile: absolute as given, else in the context, else (like kaniko) in the working dir. */
final class DockerfileLocator {
  private final Path workingDir;

  DockerfileLocator(Path workingDir) {
    this.workingDir = workingDir;
  }

  /**
   * The Dockerfile's path.
   *
   * @throws UserException {@code Dockerfile not found: PATH} when it does not exist
   */
  Path locate(String dockerfile, Path contextDir) {
    if (dockerfile.equals("-")) {
      throw new UserException("--dockerfile -: reading the Dockerfile from stdin is not supported");
    }
    Path given = Path.of(dockerfile);
    Path inContext = given.isAbsolute() ? given : contextDir.resolve(given).normalize();
    if (Files.isRegularFile(inContext)) {
      return inContext;
    }
    Path inWorkingDir = workingDir.resolve(given).normalize();
    if (!given.isAbsolute() && Files.isRegularFile(inWorkingDir)) {
      return inWorkingDir;
    }
    throw new UserException("Dockerfile not found: " + inContext);
  }
}
