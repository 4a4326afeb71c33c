package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ContainerDetector and DockerfileLocator. */
class SmallPartsTest {
  @TempDir Path root;

  @Test
  void containerDetector_recognisesDockerPodmanAndKubernetes() throws IOException {
    assertThat(new ContainerDetector(root, Map.of()).inContainer()).isFalse();
    assertThat(new ContainerDetector(root, Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"))
        .inContainer()).isTrue();
    assertThat(new ContainerDetector(root, Map.of("container", "podman")).inContainer()).isTrue();

    Files.createDirectories(root.resolve("proc/1"));
    Files.writeString(root.resolve("proc/1/cgroup"), "0::/init.scope\n");
    assertThat(new ContainerDetector(root, Map.of()).inContainer()).isFalse();
    Files.writeString(root.resolve("proc/1/cgroup"), "12:pids:/kubepods/burstable/pod1\n");
    assertThat(new ContainerDetector(root, Map.of()).inContainer()).isTrue();
  }

  @Test
  void containerDetector_recognisesDockerenv() throws IOException {
    Files.createFile(root.resolve(".dockerenv"));

    assertThat(new ContainerDetector(root, Map.of()).inContainer()).isTrue();
  }

  @Test
  void dockerfileLocator_prefersTheContextThenTheWorkingDirectory() throws IOException {
    Path context = Files.createDirectories(root.resolve("ctx"));
    Path cwd = Files.createDirectories(root.resolve("cwd"));
    Files.writeString(cwd.resolve("Only.InCwd"), "FROM scratch");
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch");
    Files.writeString(cwd.resolve("Dockerfile"), "FROM scratch");
    DockerfileLocator locator = new DockerfileLocator(cwd);

    assertThat(locator.locate("Dockerfile", context)).isEqualTo(context.resolve("Dockerfile"));
    assertThat(locator.locate("Only.InCwd", context)).isEqualTo(cwd.resolve("Only.InCwd"));
    assertThat(locator.locate(cwd.resolve("Dockerfile").toString(), context))
        .isEqualTo(cwd.resolve("Dockerfile"));
  }

  @Test
  void dockerfileLocator_rejectsStdinAndMissingFiles() {
    DockerfileLocator locator = new DockerfileLocator(root);

    assertThatThrownBy(() -> locator.locate("-", root))
        .hasMessage("--dockerfile -: reading the Dockerfile from stdin is not supported");
    assertThatThrownBy(() -> locator.locate("sub/Dockerfile", root))
        .isInstanceOf(UserException.class)
        .hasMessage("Dockerfile not found: " + root.resolve("sub/Dockerfile"));
  }
}
