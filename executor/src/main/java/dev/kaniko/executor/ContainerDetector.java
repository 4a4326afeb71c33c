package dev.kaniko.executor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether this process runs inside a container (docker, podman, kubernetes), with the
 * engine's heuristics ({@link dev.kaniko.core.rootfs.ContainerDetector}).
 */
final class ContainerDetector {
  private final dev.kaniko.core.rootfs.ContainerDetector detector;

  /** {@code root} is {@code /} outside tests. */
  ContainerDetector(Path root, Map<String, String> env) {
    this.detector = new dev.kaniko.core.rootfs.ContainerDetector(env, root);
  }

  boolean inContainer() {
    return detector.isInsideContainer();
  }

  /** Why this looks like a container, for the log; empty outside one. */
  Optional<String> evidence() {
    return detector.evidence();
  }

  /** The engine's detector, for {@link dev.kaniko.core.rootfs.RootfsModeResolver}. */
  dev.kaniko.core.rootfs.ContainerDetector engineDetector() {
    return detector;
  }
}
