package dev.kaniko.core.build;

import dev.kaniko.core.layer.LayerContents;
import dev.kaniko.core.rootfs.IgnoredPaths;
import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.FileTreeView;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.SnapshotStrategy;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The snapshot state of one stage's rootfs: started lazily by the first RUN (a baseline walk),
 * then kept in step by COPY/WORKDIR (a diff over their declared paths only), so that a RUN's
 * diff reports exactly what the RUN changed.
 */
final class StageSnapshot {
  private final SnapshotStrategy strategy;
  private final FileTreeView view;
  private final BuildTimings timings;
  private boolean started;

  StageSnapshot(SnapshotStrategy strategy, Path rootfs, IgnoredPaths ignored) {
    this(strategy, rootfs, ignored, new BuildTimings());
  }

  /** @param timings where baselines and diffs are timed */
  StageSnapshot(SnapshotStrategy strategy, Path rootfs, IgnoredPaths ignored,
      BuildTimings timings) {
    this.timings = timings;
    this.strategy = strategy;
    this.view = new FileTreeView() {
      @Override
      public Path root() {
        return rootfs;
      }

      @Override
      public boolean isIgnored(String imagePath) {
        return ignored.test(imagePath);
      }
    };
  }

  /** Records the state before a RUN (the first one walks the whole rootfs). */
  void beforeRun() throws BuildException {
    if (!started) {
      try {
        timings.time(BuildTimings.SNAPSHOT, () -> {
          strategy.baseline(view);
          return null;
        });
      } catch (PluginException e) {
        throw new BuildException(e.getMessage(), e);
      }
      started = true;
    }
  }

  /**
   * Forgets the baseline (the rootfs changed without a diff, e.g. a cached layer was applied):
   * the next RUN walks the whole rootfs again.
   */
  void restart() {
    started = false;
  }

  /** What the RUN changed, as layer contents. */
  LayerContents afterRun() throws BuildException {
    ChangeSet changes = diff(List.of());
    return new LayerContents(view.root(), relative(changes.changed()), relative(changes.deleted()),
        relative(changes.opaqueDirectories()));
  }

  /** Tells a started snapshot about paths a COPY or WORKDIR wrote (relative to the rootfs). */
  void declared(List<String> paths) throws BuildException {
    if (started && !paths.isEmpty()) {
      diff(paths.stream().map(p -> "/" + p).toList());
    }
  }

  private ChangeSet diff(Collection<String> declared) throws BuildException {
    try {
      return timings.time(BuildTimings.SNAPSHOT, () -> strategy.diff(view, declared));
    } catch (PluginException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private static List<String> relative(Collection<String> imagePaths) {
    return imagePaths.stream().map(p -> p.startsWith("/") ? p.substring(1) : p).toList();
  }
}
