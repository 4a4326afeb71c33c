package dev.kaniko.core.snapshot;

import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.FileTreeView;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.SnapshotStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A {@link SnapshotStrategy} that keeps a compact tree of per-path state and finds changes with one
 * stat walk; what counts as a change is decided by the {@link SnapshotMode}.
 */
public final class TreeSnapshotStrategy implements SnapshotStrategy {

  private final ChangeDetector detector;
  private final StatReader stats;
  private final int parallelism;
  private Path root;
  private Node rootNode;

  /**
   * Creates a strategy.
   *
   * @param mode what counts as a change
   * @param stats reads file status (a seam for tests)
   * @param hasher digests content in {@link SnapshotMode#FULL} (a seam for tests)
   * @param parallelism threads used by a walk, at least 1
   */
  public TreeSnapshotStrategy(SnapshotMode mode, StatReader stats, ContentHasher hasher, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("snapshot parallelism must be at least 1: " + parallelism);
    }
    this.detector = detectorFor(mode, stats, hasher);
    this.stats = stats;
    this.parallelism = parallelism;
  }

  /** A strategy with the real file system and SHA-256 content digests. */
  public static TreeSnapshotStrategy of(SnapshotMode mode, int parallelism) {
    return new TreeSnapshotStrategy(mode, new UnixStatReader(), new Sha256ContentHasher(), parallelism);
  }

  private static ChangeDetector detectorFor(SnapshotMode mode, StatReader stats, ContentHasher hasher) {
    return switch (mode) {
      case FULL -> new FullChangeDetector(hasher);
      case REDO -> new RedoChangeDetector();
      case TIME -> new TimeChangeDetector();
      case NEW_RUN -> new MarkerChangeDetector(stats);
    };
  }

  @Override
  public synchronized void baseline(FileTreeView tree) throws PluginException {
    Path newRoot = tree.root().toAbsolutePath().normalize();
    try {
      FileStat stat = stats.lstat(newRoot);
      if (stat == null || !stat.isDirectory()) {
        throw new PluginException(PluginException.Reason.NOT_FOUND, "snapshot root is not a directory: " + newRoot);
      }
      Node node = new Node(stat);
      Changes none = new Changes(false);
      run(List.of(new TreeWalk(tree, stats, detector, none).directory(newRoot, "/", node, true)));
      detector.stepBoundary(newRoot);
      root = newRoot;
      rootNode = node;
    } catch (IOException | UncheckedIOException e) {
      throw failure(newRoot, e);
    }
  }

  @Override
  public synchronized ChangeSet diff(FileTreeView tree, Collection<String> declaredPaths) throws PluginException {
    if (rootNode == null) {
      throw new PluginException(PluginException.Reason.OTHER, "snapshot diff requested without a baseline (none taken, or the last snapshot failed)");
    }
    Path treeRoot = tree.root().toAbsolutePath().normalize();
    if (!treeRoot.equals(root)) {
      throw new PluginException(
          PluginException.Reason.INVALID_CONFIGURATION,
          "snapshot diff of " + treeRoot + " but the baseline was taken of " + root);
    }
    Changes changes = new Changes(true);
    try {
      List<String> declared = declaredPaths.isEmpty() ? List.of() : ImagePaths.outermost(declaredPaths);
      TreeWalk walk = new TreeWalk(tree, stats, detector, changes);
      if (declared.isEmpty() || declared.contains("/") || !new DeclaredPaths(tree, stats, rootNode).walkable(declared)) {
        run(List.of(walk.directory(root, "/", rootNode, false)));
      } else {
        walkDeclared(tree, walk, declared);
      }
      detector.stepBoundary(root);
    } catch (IllegalArgumentException e) {
      throw new PluginException(PluginException.Reason.INVALID_CONFIGURATION, e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      rootNode = null; // partly updated state would hide changes from the next diff
      throw failure(root, e);
    }
    return changes.toChangeSet();
  }

  private void walkDeclared(FileTreeView tree, TreeWalk walk, List<String> declared) throws IOException {
    List<RecursiveAction> subtasks = new ArrayList<>();
    for (String path : declared) {
      if (isIgnoredOnTheWay(tree, path)) {
        continue;
      }
      Node parent = rootNode;
      String imagePath = "/";
      Path file = root;
      for (String name : ImagePaths.segments(path)) {
        imagePath = ImagePaths.child(imagePath, name);
        file = file.resolve(name);
        if (parent.children == null) {
          parent.children = new HashMap<>();
        }
        Node previous = parent.children.get(name);
        boolean last = imagePath.equals(path);
        Node node = last ? walk.visit(file, imagePath, previous, subtasks) : walkAncestor(walk, file, imagePath, previous);
        if (node == null) {
          parent.children.remove(name);
          break;
        }
        parent.children.put(name, node);
        parent = node;
      }
    }
    run(subtasks);
  }

  private static boolean isIgnoredOnTheWay(FileTreeView tree, String path) {
    String imagePath = "/";
    for (String name : ImagePaths.segments(path)) {
      imagePath = ImagePaths.child(imagePath, name);
      if (tree.isIgnored(imagePath)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reconciles a directory on the way to a declared path without listing it ({@link DeclaredPaths}
   * made sure it is the same directory as before, or a new one).
   */
  private Node walkAncestor(TreeWalk walk, Path dir, String imagePath, Node previous) throws IOException {
    List<RecursiveAction> notListed = new ArrayList<>();
    Node node = walk.visit(dir, imagePath, previous, notListed);
    if (node != null && node != previous) {
      node.children = new HashMap<>();
    }
    return node;
  }

  /** Runs directory tasks (disjoint subtrees) on one pool of {@code parallelism} threads. */
  private void run(List<RecursiveAction> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      pool.invoke(new RecursiveAction() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void compute() {
          invokeAll(tasks);
        }
      });
    } finally {
      pool.shutdown();
    }
  }

  private static PluginException failure(Path root, Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    String detail = cause instanceof FileSystemException fse
        ? cause.getClass().getSimpleName() + " " + fse.getFile() + (fse.getReason() == null ? "" : ": " + fse.getReason())
        : cause.getMessage();
    return new PluginException(PluginException.Reason.OTHER, "cannot snapshot " + root + ": " + detail, cause);
  }
}
