package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/warmer} fills a cache dir, the registry is stopped, and the packaged
 * {@code bin/executor} still builds FROM the base image with {@code --cache-dir} (and fails
 * without it).
 */
class CacheDirBuildIT {
  private static final Path BIN = Path.of("target/kaniko/bin").toAbsolutePath();

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  @TempDir Path temp;

  record Run(int exit, String err) {
    String lastErrLine() {
      List<String> lines = err.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  private Run run(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(BIN.resolve(tool).toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(temp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("KANIKO_PLUGIN_DIR");
    builder.environment().put("DOCKER_CONFIG",
        Files.createDirectories(temp.resolve("docker")).toString());
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(tool + " finished").isTrue();
    return new Run(process.exitValue(), Files.readString(err));
  }

  private String[] build(Path context, Path layout, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--kaniko-dir",
        Files.createTempDirectory(temp, "kaniko").toString(), "-c", context.toString(),
        "--no-push", "--oci-layout-path", layout.toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void build_withWarmedCacheDir_succeedsWhileTheRegistryIsStopped_andWithoutItFails()
      throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "cached/busybox:1", ImageFormat.OCI);
    Path cacheDir = temp.resolve("cache");
    Run warm = run("warmer", "-i", busybox.reference(), "-c", cacheDir.toString());
    assertThat(warm.exit()).as(warm.err()).isZero();
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"),
        "FROM " + busybox.reference() + "\nRUN echo cached > /from-cache\n");
    registry.stop();

    Path layout = temp.resolve("layout");
    Run cached = run("executor", build(context, layout, "--cache-dir", cacheDir.toString()));

    assertThat(cached.exit()).as(cached.err()).isZero();
    assertThat(cached.err()).contains("Using base image " + busybox.reference()
        + " from the cache dir");
    List<String> baseLayers = new ArrayList<>();
    try (var images = Files.list(cacheDir.resolve("images"))) {
      Path image = images.findFirst().orElseThrow();
      for (JsonNode layer : new ObjectMapper().readTree(image.resolve("manifest.json").toFile())
          .get("layers")) {
        baseLayers.add(layer.get("digest").asText());
      }
    }
    assertThat(baseLayers).isNotEmpty();
    for (String digest : baseLayers) {
      assertThat(layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())))
          .isRegularFile();
    }
    assertThat(Files.list(layout.resolve("blobs/sha256")).count())
        .as("base layers + the RUN layer + config + manifest (+ index)")
        .isGreaterThanOrEqualTo(baseLayers.size() + 3L);

    Run uncached = run("executor", build(context, temp.resolve("layout2")));

    assertThat(uncached.exit()).isEqualTo(1);
    assertThat(uncached.lastErrLine()).startsWith("error: ").contains(registry.host());
  }
}
