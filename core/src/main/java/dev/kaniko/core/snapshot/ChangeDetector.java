package dev.kaniko.core.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides whether one existing path changed, given its recorded {@link Node} and a fresh status. Type
 * changes, additions and deletions are handled by the walk; implementations must be thread-safe.
 */
interface ChangeDetector {

  /**
   * Records what the detector needs about a path seen for the first time (or with a new type).
   *
   * @param node the new node, whose {@code stat} is already the current status
   * @param file the file on disk
   */
  void record(Node node, Path file) throws IOException;

  /**
   * Compares a path of unchanged type with its recorded state and updates the detector data; the
   * caller sets {@code node.stat = now} afterwards.
   *
   * @return whether the path counts as changed
   */
  boolean update(Node node, FileStat now, Path file) throws IOException;

  /**
   * Called after every baseline or diff walk, before the next step runs.
   *
   * @param root the root directory of the walked tree
   */
  default void stepBoundary(Path root) throws IOException {}
}
