package dev.kaniko.core.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where config.json lives: {@code $DOCKER_CONFIG/config.json}, else {@code /kaniko/.docker/config.json},
 * else (outside the executor image) {@code $HOME/.docker/config.json}.
 */
public final class DockerConfigLocation {

  /** kaniko's default directory. */
  public static final Path KANIKO_DOCKER_DIR = Path.of("/kaniko/.docker");

  private DockerConfigLocation() {}

  /** Resolves the config file from an environment map (pass {@code System.getenv()}). */
  public static Path resolve(Map<String, String> env) {
    return resolve(env, KANIKO_DOCKER_DIR);
  }

  static Path resolve(Map<String, String> env, Path kanikoDockerDir) {
    String dir = env.get("DOCKER_CONFIG");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir).resolve("config.json");
    }
    Path kaniko = kanikoDockerDir.resolve("config.json");
    String home = env.get("HOME");
    if (Files.exists(kaniko) || home == null || home.isBlank()) {
      return kaniko;
    }
    return Path.of(home, ".docker", "config.json");
  }
}
