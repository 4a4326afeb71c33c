package dev.kaniko.spi;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed in a file tree since the last snapshot: absolute, {@code /}-separated image paths.
 *
 * @param changed paths added or modified (files, directories, links)
 * @param deleted paths removed (written as whiteouts)
 */
public record ChangeSet(Set<String> changed, Set<String> deleted) {

  /** Copies both sets into sorted, unmodifiable sets. */
  public ChangeSet {
    changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
    deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
  }

  /** No change at all. */
  public static ChangeSet empty() {
    return new ChangeSet(Set.of(), Set.of());
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return changed.isEmpty() && deleted.isEmpty();
  }
}
