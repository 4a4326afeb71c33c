package dev.kaniko.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigLocationTest {

  @Test
  void resolve_dockerConfigEnvWins(@TempDir Path dir) {
    assertThat(DockerConfigLocation.resolve(Map.of("DOCKER_CONFIG", "/x/y", "HOME", "/home/u"), dir))
        .isEqualTo(Path.of("/x/y/config.json"));
  }

  @Test
  void resolve_kanikoDirWhenItHasAConfig(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("config.json"), "{}");

    assertThat(DockerConfigLocation.resolve(Map.of("HOME", "/home/u"), dir)).isEqualTo(dir.resolve("config.json"));
  }

  @Test
  void resolve_homeDockerOutsideTheExecutorImage(@TempDir Path dir) {
    assertThat(DockerConfigLocation.resolve(Map.of("HOME", "/home/u"), dir))
        .isEqualTo(Path.of("/home/u/.docker/config.json"));
    assertThat(DockerConfigLocation.resolve(Map.of(), dir)).isEqualTo(dir.resolve("config.json"));
  }
}
