package dev.kaniko.core.build;

import dev.kaniko.core.dockerfile.PlannedStage;
import dev.kaniko.core.dockerfile.VariableScope;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.image.ContainerConfig;
import dev.kaniko.core.image.HistoryEntry;
import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.LayerBlob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One stage while it is built and after: its rootfs directory, config, layers (the base's first)
 * and history, and its variable scope. Mutable; owned by the build loop.
 */
final class StageState {
  final PlannedStage planned;
  final Path rootfs;
  final VariableScope scope;
  final List<LayerBlob> layers;
  final List<HistoryEntry> history;
  ImageConfig image;
  ContainerConfig.Builder config;
  boolean cmdSet;
  /** The manifest family of the result: the registry base's, else OCI. */
  ImageFormat format = ImageFormat.OCI;
  /** The snapshot state for RUN; set by the stage builder. */
  StageSnapshot snapshot;
  /** The instructions to run (a registry base's ONBUILD triggers spliced in). */
  List<Instruction> instructions;
  /** The layer-cache key chain's last key (null without --cache); see {@link CacheStep}. */
  String cacheKey;

  StageState(PlannedStage planned, Path rootfs, VariableScope scope, ImageConfig base,
      List<LayerBlob> baseLayers) {
    this.planned = planned;
    this.rootfs = rootfs;
    this.scope = scope;
    this.image = base;
    this.config = base.config().toBuilder();
    this.layers = new ArrayList<>(baseLayers);
    this.history = new ArrayList<>(base.history());
    this.instructions = planned.instructions();
  }

  /** The config as built so far. */
  ImageConfig currentImage() {
    return image.withConfig(config.build()).withHistory(history);
  }

  /** The working directory for relative paths ({@code /} when unset). */
  String workdir() {
    String wd = config.build().workingDir();
    return wd == null || wd.isEmpty() ? "/" : wd;
  }
}
