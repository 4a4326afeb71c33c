package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.testsupport.context.ContextTarballs;
import dev.kaniko.testsupport.context.OneObjectJsonApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/executor} with its stock plugins loads no cloud SDK class (AWS, Azure,
 * Google Cloud, JGit) unless a build uses that cloud's context: watched with the JVM's
 * {@code -Xlog:class+load} log.
 */
class LazyCloudSdkIT {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();
  /** Packages of the plugins' SDKs; jib's {@code com.google.cloud.tools} is core, not a cloud SDK. */
  private static final List<String> CLOUD_PACKAGES = List.of("software.amazon.", "com.azure.",
      "com.google.cloud.storage.", "com.google.auth.", "com.google.api.", "io.grpc.",
      "org.eclipse.jgit.");

  @TempDir Path temp;
  private Path context;

  @BeforeEach
  void fixture() throws Exception {
    context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY a.txt /\n");
    Files.writeString(context.resolve("a.txt"), "a\n");
  }

  /** Runs the executor and returns the classes the JVM loaded. */
  private List<String> loadedClasses(String storageEmulator, String... args) throws Exception {
    Path classLog = temp.resolve("classes-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--no-push", "--kaniko-dir", temp.resolve("kaniko").toString()));
    Path err = temp.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(err.toFile());
    builder.environment().remove("KANIKO_PLUGIN_DIR");
    builder.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
    if (storageEmulator != null) {
      builder.environment().put("STORAGE_EMULATOR_HOST", storageEmulator);
    }
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(classLog)) {
      int tag = line.indexOf("[class,load] ");
      if (tag >= 0) {
        String rest = line.substring(tag + "[class,load] ".length());
        int space = rest.indexOf(' ');
        classes.add(space < 0 ? rest : rest.substring(0, space));
      }
    }
    assertThat(classes).as("class load log").contains("dev.kaniko.executor.ExecutorMain");
    return classes;
  }

  private static List<String> cloudClasses(List<String> classes) {
    return classes.stream()
        .filter(name -> CLOUD_PACKAGES.stream().anyMatch(name::startsWith)).toList();
  }

  @Test
  void dirContextBuild_loadsNoCloudSdkClass() throws Exception {
    List<String> classes = loadedClasses(null, "--context", "dir://" + context);

    assertThat(cloudClasses(classes)).isEmpty();
    assertThat(classes).as("the stock plugins were loaded")
        .anyMatch(name -> name.startsWith("dev.kaniko.plugins."));
  }

  /**
   * The stock bundles' {@code kaniko.plugin.jar}: a dir-context build opens each bundle's own jar
   * and none of its dependency jars, watched with the JDK's {@code sun.misc.URLClassPath.debug}
   * trace ("Opening file:..." for every jar a class loader opens).
   */
  @Test
  void dirContextBuild_opensOnlyEachBundlesOwnJar() throws Exception {
    List<String> command = List.of(EXECUTOR.toString(), "--context", "dir://" + context,
        "--no-push", "--kaniko-dir", temp.resolve("kaniko").toString());
    Path err = temp.resolve("jars.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(err.toFile());
    builder.environment().remove("KANIKO_PLUGIN_DIR");
    builder.environment().put("JAVA_OPTS", "-Dsun.misc.URLClassPath.debug=true");
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();

    List<String> opened = Files.readAllLines(err).stream()
        .filter(line -> line.startsWith("Opening ") && line.contains("/plugins/"))
        .map(line -> line.substring(line.lastIndexOf('/') + 1)).toList();
    assertThat(opened).as("plugin jars opened").hasSizeGreaterThanOrEqualTo(7)
        .allMatch(jar -> jar.startsWith("kaniko-plugin-"), "is a bundle's own jar");
  }

  @Test
  void help_loadsNoCloudSdkClass() throws Exception {
    List<String> classes = loadedClasses(null, "--help");

    assertThat(cloudClasses(classes)).isEmpty();
  }

  @Test
  void gsContextBuild_loadsTheGoogleSdkOnly() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));
    try (OneObjectJsonApi api = OneObjectJsonApi.serving("b", "ctx.tar.gz", tarball)) {
      List<String> classes = loadedClasses(api.url(), "--context", "gs://b/ctx.tar.gz");

      assertThat(cloudClasses(classes)).as("the watch sees a cloud SDK when one is used")
          .anyMatch(name -> name.startsWith("com.google.cloud.storage."))
          .noneMatch(name -> name.startsWith("software.amazon.") || name.startsWith("com.azure.")
              || name.startsWith("org.eclipse.jgit."));
    }
  }
}
