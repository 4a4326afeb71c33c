package dev.kaniko.core.build;

import dev.kaniko.core.image.HistoryEntry;
import dev.kaniko.core.image.LayerBlob;
import dev.kaniko.core.layer.LayerContents;
import dev.kaniko.core.layer.LayerWriter;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one instruction's result: a layer from the paths it declared (none: an empty-layer
 * history entry, as kaniko omits empty layers) plus the history line.
 */
final class LayerStep {
  private static final Logger LOG = LoggerFactory.getLogger(LayerStep.class);

  private final LayerWriter writer;
  private final String created;
  private final BuildTimings timings;
  /** Stages whose layers nobody uses (only their rootfs, by COPY --from): no layer is written. */
  private Set<Integer> layerless = Set.of();

  /** @param created the history timestamp (the epoch with --reproducible) */
  LayerStep(LayerWriter writer, String created) {
    this(writer, created, new BuildTimings());
  }

  /** @param timings where layer writes are timed (and what the stages time their work with) */
  LayerStep(LayerWriter writer, String created, BuildTimings timings) {
    this.writer = writer;
    this.created = created;
    this.timings = timings;
  }

  /**
   * Writes no layer for the stages {@code indexes} (an empty-layer history entry instead): stages
   * that are neither the target nor one of its FROM ancestors, without the layer cache.
   */
  LayerStep withoutLayersFor(Set<Integer> indexes) {
    this.layerless = Set.copyOf(indexes);
    return this;
  }

  /** The build's timings. */
  BuildTimings timings() {
    return timings;
  }

  /** Adds a layer of {@code added} (relative paths) if any (or {@code keepEmpty}), and the history. */
  void commit(StageState stage, String createdBy, List<String> added, boolean keepEmpty)
      throws IOException {
    commit(stage, createdBy, new LayerContents(stage.rootfs, added, List.of(), List.of()),
        keepEmpty);
  }

  /**
   * Adds a layer of {@code contents} and the history entry; an empty layer is omitted (as
   * kaniko does) unless {@code keepEmpty} (--force-build-metadata).
   */
  void commit(StageState stage, String createdBy, LayerContents contents, boolean keepEmpty)
      throws IOException {
    if (layerless.contains(stage.planned.index())) {
      LOG.debug("no layer for stage {}: only its filesystem is used", stage.planned.index());
      metadata(stage, createdBy);
      return;
    }
    if (!keepEmpty && contents.added().isEmpty() && contents.deleted().isEmpty()
        && contents.opaqueDirs().isEmpty()) {
      LOG.info("No files changed in this command, skipping snapshotting.");
      metadata(stage, createdBy);
      return;
    }
    LayerBlob blob = timings.time(BuildTimings.LAYER_WRITE, () -> writer.write(contents));
    LOG.debug("layer {} with {} added and {} deleted paths for: {}", blob.digest(),
        contents.added().size(), contents.deleted().size(), createdBy);
    stage.layers.add(blob);
    stage.history.add(new HistoryEntry(created, createdBy, null, null, null));
  }

  /** Adds an empty-layer history entry. */
  void metadata(StageState stage, String createdBy) {
    stage.history.add(new HistoryEntry(created, createdBy, null, null, Boolean.TRUE));
  }
}
