package dev.kaniko.core.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@link LayerContents} into the sorted entry list: added paths plus their parent
 * directories, whiteouts (minus those covered by a deleted ancestor or re-added), opaque markers.
 */
final class EntryPlanner {
  /** Ancestors already verified to be real directories (not symlinks) during this plan. */
  private final Set<String> checkedDirs = new HashSet<>();

  List<PlannedEntry> plan(LayerContents contents) throws IOException {
    Path root = contents.root();
    TreeMap<String, PlannedEntry> entries = new TreeMap<>(PlannedEntry.TAR_ORDER);
    Set<String> added = new HashSet<>(contents.added());
    for (String path : contents.added()) {
      requireExists(root, path);
      addWithParents(root, path, entries);
    }
    for (String dir : contents.opaqueDirs()) {
      if (!Files.isDirectory(root.resolve(dir), LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("opaque directory is not a directory in the rootfs: " + dir);
      }
      addWithParents(root, dir, entries);
      PlannedEntry marker = new PlannedEntry(dir, PlannedEntry.Kind.OPAQUE);
      entries.put(marker.tarPath(), marker);
    }
    Set<String> deleted = new HashSet<>(contents.deleted());
    for (String path : contents.deleted()) {
      if (added.contains(path) || hasDeletedAncestor(path, deleted)) {
        continue;
      }
      addParents(root, path, entries, false);
      PlannedEntry whiteout = new PlannedEntry(path, PlannedEntry.Kind.WHITEOUT);
      entries.put(whiteout.tarPath(), whiteout);
    }
    return new ArrayList<>(entries.values());
  }

  private static void requireExists(Path root, String path) throws IOException {
    if (path.substring(path.lastIndexOf('/') + 1).startsWith(PlannedEntry.WHITEOUT_PREFIX)) {
      throw new IOException("cannot add " + path + " to a layer: names starting with "
          + PlannedEntry.WHITEOUT_PREFIX + " are reserved for whiteouts");
    }
    if (!Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("path to add to the layer does not exist: " + path);
    }
  }

  private void addWithParents(Path root, String path, TreeMap<String, PlannedEntry> out)
      throws IOException {
    addParents(root, path, out, true);
    out.put(path, new PlannedEntry(path, PlannedEntry.Kind.FROM_DISK));
  }

  /** Adds every existing ancestor directory; with {@code strict}, a non-directory is an error. */
  private void addParents(
      Path root, String path, TreeMap<String, PlannedEntry> out, boolean strict)
      throws IOException {
    int slash = path.indexOf('/');
    while (slash > 0) {
      String parent = path.substring(0, slash);
      if (checkedDirs.contains(parent)) {
        slash = path.indexOf('/', slash + 1);
        continue;
      }
      if (Files.isDirectory(root.resolve(parent), LinkOption.NOFOLLOW_LINKS)) {
        checkedDirs.add(parent);
        out.putIfAbsent(parent, new PlannedEntry(parent, PlannedEntry.Kind.FROM_DISK));
      } else if (strict) {
        throw new IOException("parent of layer path " + path + " is not a directory: " + parent);
      } else {
        return;
      }
      slash = path.indexOf('/', slash + 1);
    }
  }

  private static boolean hasDeletedAncestor(String path, Set<String> deleted) {
    int slash = path.lastIndexOf('/');
    while (slash > 0) {
      path = path.substring(0, slash);
      if (deleted.contains(path)) {
        return true;
      }
      slash = path.lastIndexOf('/');
    }
    return false;
  }
}
