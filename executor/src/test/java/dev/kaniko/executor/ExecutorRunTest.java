package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.options.BuildOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor's run with the real plugin registry (built-in dir context source). */
class ExecutorRunTest {
  @TempDir Path temp;

  private ExecutorRun run(boolean inContainer) throws IOException {
    Path fakeRoot = Files.createDirectories(temp.resolve("root"));
    if (inContainer) {
      Files.createFile(fakeRoot.resolve(".dockerenv"));
    }
    return new ExecutorRun(new PluginContextFetchers(Map.of(), Optional.empty()),
        new ContainerDetector(fakeRoot, Map.of()), new DockerfileLocator(temp.resolve("cwd")));
  }

  private Path context(String dockerfile) throws IOException {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve(dockerfile), "FROM scratch\n");
    return context;
  }

  @Test
  void existingDockerfile_isBuiltIntoTheOciLayout() throws IOException {
    Path context = context("Dockerfile");
    Path layout = temp.resolve("layout");
    BuildOptions options = BuildOptions.builder().context(context.toString())
        .kanikoDir(temp.resolve("kaniko")).noPush(true).ociLayoutPath(Optional.of(layout))
        .build();

    run(true).run(options);

    assertThat(layout.resolve("index.json")).isRegularFile();
    assertThat(layout.resolve("oci-layout")).isRegularFile();
  }

  @Test
  void buildError_isAUserErrorWithTheDockerfileLine() throws IOException {
    Path context = context("Dockerfile");
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nADD missing.txt /x\n");
    BuildOptions options = BuildOptions.builder().context(context.toString())
        .kanikoDir(temp.resolve("kaniko")).noPush(true).build();

    assertThatThrownBy(() -> run(true).run(options))
        .isInstanceOf(UserException.class)
        .hasMessage("Dockerfile:2: source missing.txt not found in the build context");
  }

  @Test
  void missingDockerfile_isNamedWithItsPath() throws IOException {
    Path context = context("Other.Dockerfile");
    BuildOptions options = BuildOptions.builder().context("dir://" + context).build();

    assertThatThrownBy(() -> run(false).run(options))
        .isInstanceOf(UserException.class)
        .hasMessage("Dockerfile not found: " + context.resolve("Dockerfile"));
  }

  @Test
  void dockerfileFlag_isResolvedInTheContextAndSubPath() throws IOException {
    Path context = Files.createDirectories(temp.resolve("ctx/app"));
    Files.writeString(context.resolve("Build.Dockerfile"), "FROM scratch\n");
    BuildOptions options = BuildOptions.builder().context(temp.resolve("ctx").toString())
        .contextSubPath("app").dockerfile("Build.Dockerfile").build();

    assertThatThrownBy(() -> run(false).run(options))
        .hasMessage("you must provide --destination, or use --no-push");
  }

  @Test
  void missingContextDirectory_isAUserError() throws IOException {
    BuildOptions options = BuildOptions.builder().context(temp.resolve("nope").toString()).build();

    assertThatThrownBy(() -> run(false).run(options))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("cannot fetch the build context: ")
        .hasMessageContaining("does not exist");
  }

  @Test
  void unknownScheme_hasNoContextSource() throws IOException {
    BuildOptions options = BuildOptions.builder().context("demo://nothing").build();

    assertThatThrownBy(() -> run(false).run(options))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("no context source for 'demo://nothing'");
  }

  @Test
  void disablingTheBuiltinPlugin_leavesNoContextSource() throws IOException {
    Path context = context("Dockerfile");
    BuildOptions options = BuildOptions.builder().context(context.toString())
        .disabledPlugins(Set.of("builtin")).build();

    assertThatThrownBy(() -> run(false).run(options))
        .hasMessageStartingWith("no context source for '" + context + "'");
  }

  @Test
  void missingPluginDir_failsNamingIt() throws IOException {
    Path missing = temp.resolve("no-plugins");
    BuildOptions options = BuildOptions.builder().context(context("Dockerfile").toString())
        .pluginDirs(List.of(missing)).build();

    assertThatThrownBy(() -> run(false).run(options))
        .isInstanceOf(UserException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void inContainer_buildDirectoryLivesUnderKanikoDir() throws IOException {
    Path kanikoDir = temp.resolve("kaniko");
    BuildOptions options = BuildOptions.builder().context(context("Dockerfile").toString())
        .kanikoDir(kanikoDir).build();

    assertThatThrownBy(() -> run(true).run(options)).isInstanceOf(UserException.class);

    assertThat(kanikoDir.resolve("buildcontext")).isDirectory();
  }

  @Test
  void inContainer_staleFilesOfAnEarlierRunAreClearedFirst() throws IOException {
    Path kanikoDir = temp.resolve("kaniko");
    Path stale = Files.createDirectories(kanikoDir.resolve("buildcontext/fetch"))
        .resolve("left-over.tar.gz");
    Files.writeString(stale, "from an earlier run");
    BuildOptions options = BuildOptions.builder().context(context("Dockerfile").toString())
        .kanikoDir(kanikoDir).build();

    assertThatThrownBy(() -> run(true).run(options))
        .isInstanceOf(UserException.class)
        .hasMessageNotContaining("not empty");

    assertThat(stale).doesNotExist();
  }

  @Test
  void withRootfs_buildDirectoryIsTemporaryAndRemoved() throws IOException {
    Path kanikoDir = temp.resolve("kaniko");
    BuildOptions options = BuildOptions.builder().context(context("Dockerfile").toString())
        .kanikoDir(kanikoDir).rootfs(Optional.of(temp.resolve("rootfs"))).build();
    long before = countBuildDirs();

    assertThatThrownBy(() -> run(true).run(options)).isInstanceOf(UserException.class);

    assertThat(kanikoDir).doesNotExist();
    assertThat(countBuildDirs()).isEqualTo(before);
  }

  private static long countBuildDirs() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("kaniko-build-")).count();
    }
  }
}
