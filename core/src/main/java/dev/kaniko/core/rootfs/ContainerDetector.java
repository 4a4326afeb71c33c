package dev.kaniko.core.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells whether the process runs inside a container, with kaniko's heuristics: marker files, the
 * {@code container} and {@code KUBERNETES_SERVICE_HOST} variables, and runtime hints in {@code /proc}.
 */
public final class ContainerDetector {
  private static final Pattern CGROUP_HINT =
      Pattern.compile("docker|kubepods|containerd|libpod|lxc|crio|garden|buildkit|actions_job");
  private static final Pattern MOUNTINFO_HINT =
      Pattern.compile("/docker/containers/|/containers/storage/|/kubelet/pods/|/io\\.containerd\\.");

  private final Map<String, String> env;
  private final Path fsRoot;

  /**
   * @param env the process environment (a seam: tests pass their own map)
   * @param fsRoot where {@code /} is (a seam: tests pass a directory holding fake marker files)
   */
  public ContainerDetector(Map<String, String> env, Path fsRoot) {
    this.env = Map.copyOf(env);
    this.fsRoot = fsRoot;
  }

  /** A detector for the running process. */
  public static ContainerDetector forHost() {
    return new ContainerDetector(System.getenv(), Path.of("/"));
  }

  public boolean isInsideContainer() {
    return evidence().isPresent();
  }

  /** Why this looks like a container (for the log), or empty when nothing suggests one. */
  public Optional<String> evidence() {
    for (String marker : List.of(".dockerenv", "run/.containerenv")) {
      if (Files.exists(fsRoot.resolve(marker))) {
        return Optional.of("/" + marker + " exists");
      }
    }
    String kubernetes = env.get("KUBERNETES_SERVICE_HOST");
    if (kubernetes != null && !kubernetes.isEmpty()) {
      return Optional.of("KUBERNETES_SERVICE_HOST is set");
    }
    String container = env.get("container");
    if (container != null && !container.isEmpty()) {
      return Optional.of("container=" + container + " is set");
    }
    if (fileMatches(fsRoot.resolve("proc/1/cgroup"), CGROUP_HINT)) {
      return Optional.of("/proc/1/cgroup names a container runtime");
    }
    if (fileMatches(fsRoot.resolve("proc/self/mountinfo"), MOUNTINFO_HINT)) {
      return Optional.of("/proc/self/mountinfo shows container storage");
    }
    return Optional.empty();
  }

  private static boolean fileMatches(Path file, Pattern hint) {
    try (var lines = Files.lines(file)) {
      return lines.anyMatch(line -> hint.matcher(line).find());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
