package dev.kaniko.spi;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed in a file tree since the last snapshot: absolute, {@code /}-separated image paths.
 * Parent directories of changed paths are not implied: the layer writer adds them as it needs.
 *
 * @param changed paths added or modified (files, directories, links)
 * @param deleted paths removed (written as whiteouts); children of a removed directory are not listed
 * @param opaqueDirectories directories replaced within the step (also in {@code changed}): the layer
 *     writer marks them {@code .wh..wh..opq}, and every path now under them is in {@code changed}
 */
public record ChangeSet(Set<String> changed, Set<String> deleted, Set<String> opaqueDirectories) {

  /** Copies all sets into sorted, unmodifiable sets. */
  public ChangeSet {
    changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
    deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
    opaqueDirectories = Collections.unmodifiableSortedSet(new TreeSet<>(opaqueDirectories));
  }

  /**
   * A change set without opaque directories.
   *
   * @param changed paths added or modified
   * @param deleted paths removed
   */
  public ChangeSet(Set<String> changed, Set<String> deleted) {
    this(changed, deleted, Set.of());
  }

  /** No change at all. */
  public static ChangeSet empty() {
    return new ChangeSet(Set.of(), Set.of(), Set.of());
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return changed.isEmpty() && deleted.isEmpty() && opaqueDirectories.isEmpty();
  }
}
