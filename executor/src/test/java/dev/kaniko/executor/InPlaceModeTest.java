package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.rootfs.IgnoredPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-place decision of the executor with an injected ContainerDetector (never building in
 * place here: that would empty this machine's /; {@code InPlaceBuildIT} does it in a throw-away root).
 */
class InPlaceModeTest {
  private static final String KANIKO_MESSAGE = "kaniko should only be run inside of a container,"
      + " run with the --force flag if you are sure you want to continue";

  @TempDir Path temp;

  private ExecutorRun run(boolean inContainer, Optional<Path> executorHome) throws IOException {
    Path fakeRoot = Files.createDirectories(temp.resolve("root"));
    if (inContainer) {
      Files.createFile(fakeRoot.resolve(".dockerenv"));
    }
    return new ExecutorRun(new PluginContextFetchers(Map.of(), Optional.empty()),
        new ContainerDetector(fakeRoot, Map.of()), new DockerfileLocator(temp.resolve("cwd")),
        Clock.systemUTC(), executorHome);
  }

  private BuildOptions.Builder options() throws IOException {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY Dockerfile /d\n");
    return BuildOptions.builder().context(context.toString()).kanikoDir(temp.resolve("kaniko"))
        .noPush(true).ociLayoutPath(Optional.of(temp.resolve("layout")));
  }

  @Test
  void rootfsSlashOutsideContainerWithoutForce_failsWithKanikosMessageBeforeTouchingAnything()
      throws IOException {
    long buildDirs = countBuildDirs();
    Path canary = Files.writeString(temp.resolve("canary"), "still here");

    assertThatThrownBy(() -> run(false, Optional.empty())
        .run(options().rootfs(Optional.of(Path.of("/"))).build()))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith(KANIKO_MESSAGE)
        .hasMessageNotContaining("\n");

    assertThat(temp.resolve("kaniko")).doesNotExist();
    assertThat(temp.resolve("layout")).doesNotExist();
    assertThat(canary).hasContent("still here");
    assertThat(countBuildDirs()).isEqualTo(buildDirs);
  }

  @Test
  void rootfsSlashOutsideContainerWithForceFalse_failsToo() throws IOException {
    assertThatThrownBy(() -> run(false, Optional.empty())
        .run(options().rootfs(Optional.of(Path.of("/"))).force(false).build()))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith(KANIKO_MESSAGE);
  }

  @Test
  void insideAnotherContainerWithoutRootfs_buildsInChrootModeNotInPlace() throws IOException {
    Path home = Files.createDirectories(temp.resolve("opt/kaniko-dist"));

    run(true, Optional.of(home)).run(options().build());

    assertThat(temp.resolve("layout/index.json")).isRegularFile();
    assertThat(temp.resolve("ctx/Dockerfile")).isRegularFile();
  }

  @Test
  void inPlaceIgnores_holdKanikoDirExecutorHomeVarRunAndIgnorePaths() throws IOException {
    Path home = Files.createDirectories(temp.resolve("kaniko/dist"));
    BuildOptions options = options().ignorePaths(List.of("/workspace/cache")).build();

    IgnoredPaths ignored = InPlaceIgnores.of(options, Optional.of(home));

    assertThat(ignored.test(temp.resolve("kaniko/plugin-work/x").toString())).isTrue();
    assertThat(ignored.test(home.resolve("lib/core.jar").toString())).isTrue();
    assertThat(ignored.test("/var/run/secrets/token")).isTrue();
    assertThat(ignored.test("/workspace/cache/a")).isTrue();
    assertThat(ignored.test("/proc/1/status")).isTrue();
    assertThat(ignored.test("/etc/passwd")).isFalse();
    assertThat(ignored.test("/workspace/src")).isFalse();
  }

  @Test
  void inPlaceIgnores_withoutIgnoreVarRun_keepVarRunInTheImage() throws IOException {
    IgnoredPaths ignored = InPlaceIgnores.of(options().ignoreVarRun(false).build(), Optional.empty());

    assertThat(ignored.test("/var/run/app.pid")).isFalse();
    assertThat(ignored.test("/sys/kernel")).isTrue();
  }

  private static long countBuildDirs() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("kaniko-build-")).count();
    }
  }
}
