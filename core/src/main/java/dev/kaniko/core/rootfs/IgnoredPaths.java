package dev.kaniko.core.rootfs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Paths of the rootfs that are never touched or snapshotted: a path is ignored when it is one of the
 * entries or lies below one. Paths are absolute, as seen from inside the rootfs ({@code /proc/1}).
 */
public final class IgnoredPaths implements Predicate<String> {
  private final Set<String> entries;

  private IgnoredPaths(Collection<String> entries) {
    Set<String> normalized = new TreeSet<>();
    for (String entry : entries) {
      String path = normalize(entry);
      if (!path.equals("/")) {
        normalized.add(path);
      }
    }
    this.entries = Set.copyOf(normalized);
  }

  /** Exactly these paths (normalized; {@code /} itself is never ignored). */
  public static IgnoredPaths of(Collection<String> paths) {
    return new IgnoredPaths(paths);
  }

  public static IgnoredPaths none() {
    return new IgnoredPaths(List.of());
  }

  /**
   * The in-place set, as kaniko: the kaniko dir, /proc, /sys, /dev, /etc/mtab, /var/run when
   * {@code ignoreVarRun}, every mount point but {@code /}, and the {@code --ignore-path} entries.
   */
  public static IgnoredPaths forInPlace(
      String kanikoDir, boolean ignoreVarRun, Collection<String> mountPoints, Collection<String> ignorePaths) {
    List<String> all = new ArrayList<>(List.of(kanikoDir, "/proc", "/sys", "/dev", "/etc/mtab"));
    if (ignoreVarRun) {
      all.add("/var/run");
    }
    all.addAll(mountPoints);
    all.addAll(ignorePaths);
    return new IgnoredPaths(all);
  }

  /** {@link #forInPlace} with the mount points of this process ({@code /proc/self/mountinfo}). */
  public static IgnoredPaths forInPlaceHost(String kanikoDir, boolean ignoreVarRun, Collection<String> ignorePaths) {
    return forInPlace(kanikoDir, ignoreVarRun, MountInfo.mountPoints(), ignorePaths);
  }

  /** Whether {@code path} (absolute inside the rootfs) is an entry or below one. */
  @Override
  public boolean test(String path) {
    String candidate = normalize(path);
    for (String entry : entries) {
      if (candidate.equals(entry) || candidate.startsWith(entry + "/")) {
        return true;
      }
    }
    return false;
  }

  /** The entries, normalized and sorted. */
  public Set<String> entries() {
    return new TreeSet<>(entries);
  }

  /** A set with these entries added. */
  public IgnoredPaths plus(Collection<String> more) {
    List<String> all = new ArrayList<>(entries);
    all.addAll(more);
    return new IgnoredPaths(all);
  }

  @Override
  public String toString() {
    return "IgnoredPaths" + entries();
  }

  static String normalize(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("empty path in the ignore list");
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return "/" + String.join("/", parts);
  }
}
