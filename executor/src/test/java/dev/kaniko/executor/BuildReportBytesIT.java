package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report}'s {@code bytesPulled}/{@code bytesPushed} for a real build FROM the harness busybox, pushed twice. */
class BuildReportBytesIT {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  @TempDir Path temp;

  private JsonNode build(Path context, String destination, String name) throws Exception {
    Path report = temp.resolve(name + ".json");
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString(), "--kaniko-dir",
        Files.createTempDirectory(temp, "kaniko").toString(), "-c", context.toString(), "-d", destination,
        "--reproducible", "--report", report.toString()));
    Path err = temp.resolve(name + ".err");
    Process process = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    return JSON.readTree(report.toFile());
  }

  @Test
  void report_countsBaseBlobsPulled_andASecondIdenticalPushUploadsNoBlob() throws Exception {
    ImageRef busybox = BaseImages.pushBusybox(registry, "bytes/busybox:1", ImageFormat.OCI);
    JsonNode base = JSON.readTree(new Skopeo().rawManifest(Skopeo.docker(busybox.reference()), registry.access()));
    long baseConfig = base.get("config").get("size").asLong();
    long baseBytes = baseConfig;
    for (JsonNode layer : base.get("layers")) {
      baseBytes += layer.get("size").asLong();
    }
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("hello.txt"), "hello bytes\n");
    Files.writeString(context.resolve("Dockerfile"), "FROM " + busybox.reference() + "\nCOPY hello.txt /\n");
    String destination = registry.reference("bytes/app:1");

    JsonNode first = build(context, destination, "first");
    JsonNode second = build(context, destination, "second");

    assertThat(first.get("bytesPulled").asLong()).isPositive().isEqualTo(baseBytes);
    JsonNode pushed = JSON.readTree(new Skopeo().rawManifest(Skopeo.docker(destination), registry.access()));
    long newBlobs = pushed.get("config").get("size").asLong()
        + pushed.get("layers").get(pushed.get("layers").size() - 1).get("size").asLong();
    // a fresh repository: the new config and layer plus the base layers are uploaded (ImageToPush.of gives
    // the engine's layers no mount source, so nothing is mounted from bytes/busybox)
    assertThat(first.get("bytesPushed").asLong()).isEqualTo(newBlobs + baseBytes - baseConfig);
    assertThat(second.get("digest").asText()).isEqualTo(first.get("digest").asText());
    assertThat(second.get("bytesPulled").asLong()).isEqualTo(baseBytes);
    assertThat(second.get("bytesPushed").asLong()).isZero();
    assertBreakdown(first);
  }

  /** The finer phases of a real FROM-registry COPY build pushed to the registry. */
  private static void assertBreakdown(JsonNode report) {
    assertThat(report.get("startupMillis").fieldNames()).toIterable()
        .containsExactly("jvmStartToMain", "plugins", "context", "mainToBuild",
            "jvmStartToFirstInstruction");
    JsonNode startup = report.get("startupMillis");
    assertThat(startup.get("jvmStartToMain").asLong()).isNotNegative();
    assertThat(startup.get("jvmStartToFirstInstruction").asLong())
        .isGreaterThanOrEqualTo(startup.get("jvmStartToMain").asLong()
            + startup.get("mainToBuild").asLong());
    assertThat(report.get("breakdownMillis").fieldNames()).toIterable()
        .containsExactly("pushCheck", "pull", "extract", "snapshot", "layerWrite", "push");
    assertThat(report.get("breakdownMillis").get("push").asLong())
        .isLessThanOrEqualTo(report.get("phasesMillis").get("push").asLong());
    JsonNode steps = report.get("instructionsMillis");
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).get("stage").asInt()).isZero();
    assertThat(steps.get(0).get("instruction").asText()).isEqualTo("COPY hello.txt /");
    assertThat(steps.get(0).get("millis").asLong())
        .isLessThanOrEqualTo(report.get("phasesMillis").get("stages").asLong());
  }
}
