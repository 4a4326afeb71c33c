package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a file's status without following symbolic links; a seam for tests. */
@FunctionalInterface
public interface StatReader {

  /**
   * Returns the status of a path, never following a final symbolic link.
   *
   * @param path the file
   * @return its status, or {@code null} when it does not exist (any more)
   * @throws IOException if the status cannot be read
   */
  FileStat lstat(Path path) throws IOException;
}
