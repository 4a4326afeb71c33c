package dev.kaniko.core.snapshot;

import dev.kaniko.spi.FileTreeView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether declared paths can be diffed on their own: every ancestor must still be the same
 * real directory (not a link, not replaced, not removed). Otherwise the caller walks the whole tree.
 */
final class DeclaredPaths {

  private final FileTreeView view;
  private final StatReader stats;
  private final Node rootNode;

  DeclaredPaths(FileTreeView view, StatReader stats, Node rootNode) {
    this.view = view;
    this.stats = stats;
    this.rootNode = rootNode;
  }

  boolean walkable(List<String> declared) throws IOException {
    for (String path : declared) {
      if (!view.isIgnored(path) && !ancestorsWalkable(path)) {
        return false;
      }
    }
    return true;
  }

  private boolean ancestorsWalkable(String path) throws IOException {
    String[] segments = ImagePaths.segments(path);
    Node node = rootNode;
    Path file = view.root();
    for (int i = 0; i < segments.length - 1; i++) {
      file = file.resolve(segments[i]);
      FileStat now = stats.lstat(file);
      if (now == null || !now.isDirectory()) {
        return false;
      }
      Node previous = node == null || node.children == null ? null : node.children.get(segments[i]);
      if (previous != null && (!previous.stat.isDirectory() || !previous.stat.sameInode(now))) {
        return false;
      }
      node = previous;
    }
    return true;
  }
}
