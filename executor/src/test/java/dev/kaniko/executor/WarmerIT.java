package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.core.cache.BaseImageCache;
import dev.kaniko.core.cache.CachedImage;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Platform;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code bin/warmer} filling a cache dir from the harness registry. */
class WarmerIT {
  private static final Path WARMER = Path.of("target/kaniko/bin/warmer").toAbsolutePath();
  private static final Platform HOST = Platform.parse(HostPlatform.platform());
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  static ImageRef busybox;
  static ImageRef empty;

  @TempDir Path temp;

  @BeforeAll
  static void pushBases() {
    busybox = BaseImages.pushBusybox(registry, "warm/busybox:1", ImageFormat.OCI);
    empty = BaseImages.pushEmpty(registry, "warm/empty:2", ImageFormat.DOCKER_V2S2);
  }

  record Run(int exitCode, String err) {}

  private Run warmer(Object... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(WARMER.toString()));
    for (Object arg : args) {
      command.add(arg.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    builder.environment().remove("KANIKO_PLUGIN_DIR");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("DOCKER_CONFIG", Files.createDirectories(temp.resolve("docker")).toString());
    Path err = Files.createTempFile(temp, "err", ".txt");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("warmer finished").isTrue();
    return new Run(process.exitValue(), Files.readString(err));
  }

  private static BaseImageCache cache(Path dir) {
    return new BaseImageCache(dir, Duration.ofDays(14), Clock.systemUTC());
  }

  /** Every blob of the cached image matches its digest, and the config its descriptor. */
  private static void assertVerifies(CachedImage image) throws IOException {
    assertThat(Digests.sha256(image.config())).isEqualTo(image.manifest().config().digest());
    for (int i = 0; i < image.layers().size(); i++) {
      Descriptor layer = image.manifest().layers().get(i);
      assertThat(Digests.sha256(image.layers().get(i))).isEqualTo(layer.digest());
      assertThat(Files.size(image.layers().get(i))).isEqualTo(layer.size());
    }
  }

  private static List<JsonNode> index(Path cacheDir) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(cacheDir.resolve("refs"))) {
      for (Path file : files.sorted().toList()) {
        entries.add(JSON.readTree(file.toFile()));
      }
    }
    return entries;
  }

  @Test
  void imageAndDockerfile_fillTheCacheDir_withAVerifyingIndexAndBlobs() throws Exception {
    Path cacheDir = temp.resolve("cache");
    Path dockerfile = Files.writeString(temp.resolve("Dockerfile"),
        "ARG BASE=nothing\nFROM ${BASE} AS build\nRUN true\nFROM " + busybox.reference() + "\nCOPY --from=build / /\n");

    Run run = warmer("--image", busybox.reference(), "--dockerfile", dockerfile, "--build-arg",
        "BASE=" + empty.reference(), "--cache-dir", cacheDir);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(index(cacheDir)).extracting(n -> n.path("reference").asText())
        .containsExactlyInAnyOrder(busybox.reference(), empty.reference());
    assertThat(index(cacheDir)).allSatisfy(n -> assertThat(n.path("platform").asText()).isEqualTo(HOST.toString()));
    for (ImageRef image : List.of(busybox, empty)) {
      CachedImage cached = cache(cacheDir).lookup(ImageReference.parse(image.reference()), HOST).orElseThrow();
      assertThat(cached.digest()).isEqualTo(image.platformDigests().getOrDefault(HostPlatform.platform(), image.digest()));
      assertVerifies(cached);
    }
    assertThat(run.err()).contains("cached " + busybox.reference());
  }

  @Test
  void secondRun_withoutForce_skipsFreshEntries_evenWithTheRegistryDown() throws Exception {
    Path cacheDir = temp.resolve("cache");
    assertThat(warmer("-i", busybox.reference(), "-c", cacheDir).exitCode()).isZero();
    Instant first = cache(cacheDir).cachedAt(ImageReference.parse(busybox.reference()), HOST).orElseThrow();

    registry.stop();
    Run again;
    try {
      again = warmer("-i", busybox.reference(), "-c", cacheDir);
    } finally {
      registry.start();
    }

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("already cached");
    assertThat(cache(cacheDir).cachedAt(ImageReference.parse(busybox.reference()), HOST)).contains(first);
    assertVerifies(cache(cacheDir).lookup(ImageReference.parse(busybox.reference()), HOST).orElseThrow());
  }

  @Test
  void force_andAnExpiredTtl_refreshTheEntry() throws Exception {
    Path cacheDir = temp.resolve("cache");
    ImageReference ref = ImageReference.parse(busybox.reference());
    assertThat(warmer("-i", busybox.reference(), "-c", cacheDir).exitCode()).isZero();
    Instant first = cache(cacheDir).cachedAt(ref, HOST).orElseThrow();

    Run forced = warmer("-i", busybox.reference(), "-c", cacheDir, "--force");
    Instant second = cache(cacheDir).cachedAt(ref, HOST).orElseThrow();
    Thread.sleep(1100);
    Run expired = warmer("-i", busybox.reference(), "-c", cacheDir, "--cache-ttl", "1s");
    Instant third = cache(cacheDir).cachedAt(ref, HOST).orElseThrow();

    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(expired.exitCode()).as(expired.err()).isZero();
    assertThat(second).isAfter(first);
    assertThat(third).isAfter(second);
    assertThat(expired.err()).doesNotContain("already cached");
    assertVerifies(cache(cacheDir).lookup(ref, HOST).orElseThrow());
    try (Stream<Path> images = Files.list(cacheDir.resolve("images"))) {
      assertThat(images).hasSize(1);
    }
  }

  @Test
  void unknownImage_failsWithOneLine_andCachesNothing() throws Exception {
    Path cacheDir = temp.resolve("cache");

    Run run = warmer("-i", registry.reference("warm/missing:1"), "-c", cacheDir);

    assertThat(run.exitCode()).isEqualTo(1);
    String[] lines = run.err().strip().split("\\R");
    assertThat(lines[lines.length - 1]).startsWith("error: cannot cache " + registry.reference("warm/missing:1"));
    assertThat(cacheDir.resolve("refs")).doesNotExist();
  }
}
