package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged distribution ({@code target/kaniko}) as real processes. */
class DistributionIT {
  private static final Path DIST = Path.of("target/kaniko").toAbsolutePath();
  private static final Path EXECUTOR = DIST.resolve("bin/executor");
  private static final Path WARMER = DIST.resolve("bin/warmer");

  @TempDir Path temp;

  record Run(int exitCode, String out, String err) {
    String lastErrLine() {
      String[] lines = err.strip().split("\\R");
      return lines[lines.length - 1];
    }
  }

  private Run run(Path cwd, Map<String, String> env, Object... command)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    for (Object part : command) {
      args.add(part.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(args).directory(cwd.toFile());
    builder.environment().remove("KANIKO_PLUGIN_DIR");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Run executor(Map<String, String> env, Object... args) throws Exception {
    Object[] command = Stream.concat(Stream.of((Object) EXECUTOR), Stream.of(args)).toArray();
    return run(Files.createDirectories(temp.resolve("cwd")), env, command);
  }

  @Test
  void executorHelp_fromAnotherDirectory_listsEveryFlag() throws Exception {
    Run result = executor(Map.of(), "--help");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FlagTable.executor().forEach(row -> assertThat(result.out()).contains(row.flag()));
  }

  @Test
  void warmerHelp_fromAnotherDirectory_listsEveryFlag() throws Exception {
    Run result = run(Files.createDirectories(temp.resolve("elsewhere")), Map.of(), WARMER, "--help");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FlagTable.warmer().forEach(row -> assertThat(result.out()).contains(row.flag()));
  }

  @Test
  void executor_worksThroughChainedSymlinks() throws Exception {
    Path links = Files.createDirectories(temp.resolve("links"));
    Path first = Files.createSymbolicLink(links.resolve("kaniko-executor"), EXECUTOR);
    Path second = Files.createSymbolicLink(links.resolve("executor"), first.getFileName());

    Run result = run(temp, Map.of(), second, "--version");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("kaniko for the JVM 0.1.0");
  }

  @Test
  void launchScript_usesShortLivedJvmFlagsAndHonoursJavaOpts() throws Exception {
    Run result = executor(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmx123m"), "--version");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC")
        .contains("-XX:MaxHeapSize=128974848");
  }

  @Test
  void cdsArchive_isPackagedAndMappedByTheLauncher() throws Exception {
    assertThat(DIST.resolve("lib/kaniko.jsa")).isRegularFile();

    // -Xshare:on makes an archive the JVM cannot map a fatal error instead of a silent fallback
    Run result = executor(Map.of("JAVA_OPTS", "-Xshare:on -Xlog:class+load=info"), "--help");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("--destination")
        .contains("dev.kaniko.executor.ExecutorMain source: shared objects file")
        .contains("dev.kaniko.executor.ExecutorCommand source: shared objects file");
  }

  @Test
  void cdsArchive_isSkippedByTheLauncherWhenTheDistributionMoved() throws Exception {
    Path moved = Files.createDirectories(temp.resolve("moved"));
    Files.createDirectories(moved.resolve("bin"));
    Files.copy(EXECUTOR, moved.resolve("bin/executor"));
    Files.createSymbolicLink(moved.resolve("lib"), DIST.resolve("lib")); // another KANIKO_HOME

    Run result = run(temp, Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
        moved.resolve("bin/executor"), "--version");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).startsWith("-XX:").doesNotContain("kaniko.jsa")
        .contains("kaniko for the JVM 0.1.0");
  }

  /** What the engine says when neither --destination nor --no-push is given. */
  private static final String NO_DESTINATION =
      "error: you must provide --destination, or use --no-push";

  @Test
  void unknownFlag_failsWithItsLine() throws Exception {
    Run result = executor(Map.of(), "--context", temp, "--no-such-flag");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("error: Unknown option: '--no-such-flag' (see 'executor --help')");
  }

  @Test
  void dirContext_withoutDockerfile_isReported() throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));

    Run result = executor(Map.of(), "--context", context, "--kaniko-dir", temp.resolve("kaniko"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine())
        .isEqualTo("error: Dockerfile not found: " + context.resolve("Dockerfile"));
  }

  @Test
  void thirdPartyPlugin_inPluginDir_providesTheContext() throws Exception {
    Path pluginDir = Files.createDirectories(temp.resolve("plugins"));
    DemoPluginJar.write(pluginDir.resolve("demo.jar"), DIST.resolve("lib"), temp.resolve("build"));
    Path marker = temp.resolve("demo-ran.txt");

    Run result = executor(Map.of("DEMO_MARKER", marker.toString()),
        "--context", "demo://hello/world", "--plugin-dir", pluginDir,
        "--kaniko-dir", temp.resolve("kaniko"), "-v", "debug");

    assertThat(Files.readString(marker)).isEqualTo("demo://hello/world");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("no context source")
        .contains("plugins: builtin").contains("demo 1.0.0");
    assertThat(result.lastErrLine()).isEqualTo(NO_DESTINATION);
  }

  @Test
  void thirdPartyPlugin_isFoundThroughKanikoPluginDir() throws Exception {
    Path pluginDir = Files.createDirectories(temp.resolve("env-plugins"));
    DemoPluginJar.write(pluginDir.resolve("demo.jar"), DIST.resolve("lib"), temp.resolve("build"));
    Map<String, String> env = new HashMap<>();
    env.put("KANIKO_PLUGIN_DIR", pluginDir.toString());
    env.put("DEMO_MARKER", temp.resolve("marker").toString());

    Run result = executor(env, "--context", "demo://x", "--kaniko-dir", temp.resolve("kaniko"));

    assertThat(result.lastErrLine()).isEqualTo(NO_DESTINATION);
    assertThat(temp.resolve("marker")).exists();
  }

  @Test
  void disabledPlugin_isNotUsed() throws Exception {
    Path pluginDir = Files.createDirectories(temp.resolve("plugins"));
    DemoPluginJar.write(pluginDir.resolve("demo.jar"), DIST.resolve("lib"), temp.resolve("build"));

    Run result = executor(Map.of(), "--context", "demo://x", "--plugin-dir", pluginDir,
        "--disable-plugin", "demo", "--kaniko-dir", temp.resolve("kaniko"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine()).startsWith("error: no context source for 'demo://x'");
  }

  @Test
  void brokenPlugin_failsNamingIt() throws Exception {
    Path pluginDir = Files.createDirectories(temp.resolve("plugins"));
    DemoPluginJar.writeBroken(pluginDir.resolve("broken.jar"), "broken-demo");

    Run result = executor(Map.of(), "--context", temp, "--plugin-dir", pluginDir,
        "--kaniko-dir", temp.resolve("kaniko"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.lastErrLine()).startsWith("error: ").contains("broken-demo");
  }

  @Test
  void stockPlugins_areLoadedFromTheDistribution_andCanBeDisabled() throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    List<String> stock =
        List.of("context-gcs", "context-s3", "context-azure", "context-git", "cred-ecr", "cred-acr", "cred-gcr");

    Run all = executor(Map.of(), "-c", context, "--kaniko-dir", temp.resolve("k"), "-v", "debug");
    Run fewer = executor(Map.of(), "-c", context, "--kaniko-dir", temp.resolve("k"), "-v", "debug",
        "--disable-plugin", "context-gcs", "--disable-plugin=cred-acr");

    for (String id : stock) {
      assertThat(DIST.resolve("plugins").resolve(id).resolve("plugin.properties")).isRegularFile();
      assertThat(all.err()).contains(id + " 0.1.0");
    }
    assertThat(all.lastErrLine()).isEqualTo(NO_DESTINATION);
    assertThat(fewer.err()).doesNotContain("context-gcs 0.1.0").doesNotContain("cred-acr 0.1.0")
        .contains("context-s3 0.1.0");
    assertThat(fewer.lastErrLine()).isEqualTo(NO_DESTINATION);
  }

  @Test
  void tarball_holdsTheSameTreeWithExecutableScripts() throws Exception {
    Path tarball;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      tarball = files.filter(p -> p.getFileName().toString().matches("kaniko-.*\\.tar\\.gz"))
          .findFirst().orElseThrow();
    }
    Map<String, Integer> modes = new HashMap<>();
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        modes.put(entry.getName().replaceFirst("^[^/]+/", ""), entry.getMode() & 07777);
      }
    }

    assertThat(modes).containsEntry("bin/executor", 0755).containsEntry("bin/warmer", 0755);
    assertThat(modes.keySet()).anyMatch(name -> name.matches("lib/kaniko-executor-.*\\.jar"))
        .anyMatch(name -> name.matches("lib/picocli-.*\\.jar"))
        .anyMatch(name -> name.startsWith("plugins/context-s3/lib/"))
        .contains("plugins/cred-ecr/plugin.properties");
    try (Stream<Path> lib = Files.list(DIST.resolve("lib"))) {
      // the CDS archive is only valid where it was made: target/kaniko has it, the tarball not
      assertThat(lib.map(p -> "lib/" + p.getFileName())
          .filter(name -> !name.startsWith("lib/kaniko.jsa")).toList())
          .allMatch(modes::containsKey);
    }
    assertThat(modes).containsEntry("bin/cds-archive", 0755)
        .doesNotContainKey("lib/kaniko.jsa");
    assertThat(String.join(",", modes.keySet())).doesNotContain("logback");
    assertThat(modes.keySet()).filteredOn(name -> name.startsWith("lib/") && !name.equals("lib/"))
        .allMatch(name -> name.endsWith(".jar"));
  }

  @Test
  void distribution_scriptsAreExecutableAndPosixSh() throws Exception {
    for (Path script : List.of(EXECUTOR, WARMER)) {
      assertThat(Files.isExecutable(script)).isTrue();
      assertThat(Files.readString(script, StandardCharsets.UTF_8)).startsWith("#!/bin/sh\n");
    }
    assertThat(DIST.resolve("plugins")).isDirectory();
  }
}
