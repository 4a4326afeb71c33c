package dev.kaniko.spi;

import java.util.Collection;

/** Decides what changed in a file tree between snapshots; the host decides how to write the layer. */
public interface SnapshotStrategy {

  /**
   * Records the current state as the reference for the next {@link #diff}.
   *
   * @param tree the stage's root filesystem
   * @throws PluginException if the tree cannot be read
   */
  void baseline(FileTreeView tree) throws PluginException;

  /**
   * Reports changes since the last baseline or diff, then makes the current state the new reference.
   *
   * @param tree the stage's root filesystem
   * @param declaredPaths absolute image paths the instruction is known to touch (COPY/ADD
   *     destinations) with symbolic links in them already resolved; a strategy may then look only at
   *     them, everything below them and their ancestors; empty when unknown (RUN)
   * @return the changes
   * @throws PluginException if the tree cannot be read
   */
  ChangeSet diff(FileTreeView tree, Collection<String> declaredPaths) throws PluginException;
}
