package dev.kaniko.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Tells whether this process runs inside a container (docker, podman, kubernetes). */
final class ContainerDetector {
  private final Path root;
  private final Map<String, String> env;

  /** {@code root} is {@code /} outside tests. */
  ContainerDetector(Path root, Map<String, String> env) {
    this.root = root;
    this.env = env;
  }

  boolean inContainer() {
    if (env.containsKey("container") || env.containsKey("KUBERNETES_SERVICE_HOST")) {
      return true;
    }
    if (Files.exists(root.resolve(".dockerenv")) || Files.exists(root.resolve("run/.containerenv"))) {
      return true;
    }
    return cgroupNamesAContainer();
  }

  private boolean cgroupNamesAContainer() {
    Path cgroup = root.resolve("proc/1/cgroup");
    try {
      String text = Files.readString(cgroup);
      return text.contains("docker") || text.contains("kubepods") || text.contains("containerd")
          || text.contains("libpod");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
