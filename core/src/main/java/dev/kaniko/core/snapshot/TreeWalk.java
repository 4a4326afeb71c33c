package dev.kaniko.core.snapshot;

import dev.kaniko.spi.FileTreeView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * One stat walk over a recorded tree: compares every path with its {@link Node}, updates the nodes in
 * place and reports changes. Ignored paths are never stat'ed or entered; links are never followed.
 * Each directory is one fork/join task, so a directory's node is only touched by one thread.
 */
final class TreeWalk {

  private final FileTreeView view;
  private final StatReader stats;
  private final ChangeDetector detector;
  private final Changes changes;

  TreeWalk(FileTreeView view, StatReader stats, ChangeDetector detector, Changes changes) {
    this.view = view;
    this.stats = stats;
    this.detector = detector;
    this.changes = changes;
  }

  /** A task that reconciles the children of one directory whose own node is already up to date. */
  RecursiveAction directory(Path dir, String imagePath, Node node, boolean fresh) {
    return new DirectoryTask(dir, imagePath, node, fresh);
  }

  /**
   * Reconciles one path whose parent is known, returning its updated node (or null when it is gone or
   * ignored) and adding a task for its children when it is a directory.
   */
  Node visit(Path file, String imagePath, Node previous, List<RecursiveAction> subtasks) throws IOException {
    try {
      return reconcile(file, imagePath, previous, subtasks);
    } catch (NoSuchFileException e) {
      // removed between listing and reading (a process left running by RUN): gone for this snapshot
      if (previous != null) {
        changes.deleted(imagePath);
      }
      return null;
    }
  }

  private Node reconcile(Path file, String imagePath, Node previous, List<RecursiveAction> subtasks)
      throws IOException {
    FileStat now = stats.lstat(file);
    if (now == null) {
      if (previous != null) {
        changes.deleted(imagePath);
      }
      return null;
    }
    if (previous == null || previous.stat.type() != now.type()) {
      return added(file, imagePath, now, subtasks);
    }
    if (now.isDirectory() && !now.sameInode(previous.stat)) {
      Node replaced = new Node(now);
      changes.replacedDirectory(imagePath);
      subtasks.add(directory(file, imagePath, replaced, true));
      return replaced;
    }
    if (detector.update(previous, now, file)) {
      changes.changed(imagePath);
    }
    previous.stat = now;
    if (now.isDirectory()) {
      subtasks.add(directory(file, imagePath, previous, false));
    }
    return previous;
  }

  private Node added(Path file, String imagePath, FileStat now, List<RecursiveAction> subtasks) throws IOException {
    Node node = new Node(now);
    detector.record(node, file);
    changes.changed(imagePath);
    if (now.isDirectory()) {
      subtasks.add(directory(file, imagePath, node, true));
    }
    return node;
  }

  private final class DirectoryTask extends RecursiveAction {

    private static final long serialVersionUID = 1L;

    private final transient Path dir;
    private final String imagePath;
    private final transient Node node;
    private final boolean fresh;

    DirectoryTask(Path dir, String imagePath, Node node, boolean fresh) {
      this.dir = dir;
      this.imagePath = imagePath;
      this.node = node;
      this.fresh = fresh;
    }

    @Override
    protected void compute() {
      List<RecursiveAction> subtasks = new ArrayList<>();
      try {
        reconcile(subtasks);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ForkJoinTask.invokeAll(subtasks);
    }

    private void reconcile(List<RecursiveAction> subtasks) throws IOException {
      HashMap<String, Node> before = fresh || node.children == null ? new HashMap<>() : node.children;
      HashMap<String, Node> after = new HashMap<>(Math.max(4, before.size() * 4 / 3 + 1));
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          String childPath = ImagePaths.child(imagePath, name);
          if (view.isIgnored(childPath)) {
            continue;
          }
          Node child = visit(entry, childPath, before.remove(name), subtasks);
          if (child != null) {
            after.put(name, child);
          }
        }
      } catch (NoSuchFileException | NotDirectoryException e) {
        // replaced or removed while walking: the next snapshot sees the new state
      }
      for (String name : before.keySet()) {
        String gone = ImagePaths.child(imagePath, name);
        if (!view.isIgnored(gone)) {
          changes.deleted(gone);
        }
      }
      node.children = after;
    }
  }
}
