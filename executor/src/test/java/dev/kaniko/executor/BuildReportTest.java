package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.core.build.BuildResult;
import dev.kaniko.core.build.BuildTimings;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildReportTest {
  private static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  @TempDir Path temp;

  private static BuildResult result() {
    Map<String, Duration> timings = new LinkedHashMap<>();
    timings.put("parse", Duration.ofMillis(3));
    timings.put("stages", Duration.ofMillis(120));
    timings.put("push", Duration.ofMillis(40));
    return new BuildResult("sha256:" + "a".repeat(64), "sha256:" + "c".repeat(64),
        ImageConfig.scratch("linux", "amd64", null),
        List.of(Descriptor.of(LAYER, "sha256:" + "1".repeat(64), 100),
            Descriptor.of(LAYER, "sha256:" + "2".repeat(64), 23)),
        timings, 4567, 890);
  }

  @Test
  void writeTo_holdsDigestsLayersAndPhaseTimesInOrder() throws Exception {
    Path file = temp.resolve("out/report.json");

    new BuildReport(result(), List.of("reg.example/app:1")).writeTo(file);

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("digest").asText()).isEqualTo("sha256:" + "a".repeat(64));
    assertThat(json.get("configDigest").asText()).isEqualTo("sha256:" + "c".repeat(64));
    assertThat(json.get("destinations").get(0).asText()).isEqualTo("reg.example/app:1");
    assertThat(json.get("layers")).hasSize(2);
    assertThat(json.get("layers").get(1).get("digest").asText())
        .isEqualTo("sha256:" + "2".repeat(64));
    assertThat(json.get("layers").get(1).get("size").asLong()).isEqualTo(23);
    assertThat(json.get("layers").get(0).get("mediaType").asText()).isEqualTo(LAYER);
    assertThat(json.get("layersSize").asLong()).isEqualTo(123);
    assertThat(json.get("bytesPulled").asLong()).isEqualTo(4567);
    assertThat(json.get("bytesPushed").asLong()).isEqualTo(890);
    assertThat(json.get("phasesMillis").fieldNames()).toIterable()
        .containsExactly("parse", "stages", "push");
    assertThat(json.get("phasesMillis").get("stages").asLong()).isEqualTo(120);
    assertThat(json.get("totalMillis").asLong()).isEqualTo(163);
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void toJson_addsTheBreakdownWithoutChangingThePhaseTotal() {
    BuildResult plain = result();
    Map<String, Duration> breakdown = new LinkedHashMap<>();
    breakdown.put("pull", Duration.ofMillis(30));
    breakdown.put("layerWrite", Duration.ofMillis(7));
    BuildResult detailed = new BuildResult(plain.digest(), plain.configDigest(), plain.config(),
        plain.layers(), plain.timings(), 1, 2, breakdown,
        List.of(new BuildTimings.InstructionTime(1, "RUN echo hi",
            java.time.Instant.EPOCH, Duration.ofMillis(55))));

    JsonNode json = new BuildReport(detailed, List.of(),
        Map.of("jvmStartToMain", 42L)).toJson();

    assertThat(json.get("totalMillis").asLong()).isEqualTo(163);
    assertThat(json.get("startupMillis").get("jvmStartToMain").asLong()).isEqualTo(42);
    assertThat(json.get("breakdownMillis").fieldNames()).toIterable()
        .containsExactly("pull", "layerWrite");
    assertThat(json.get("breakdownMillis").get("pull").asLong()).isEqualTo(30);
    assertThat(json.get("instructionsMillis")).hasSize(1);
    JsonNode step = json.get("instructionsMillis").get(0);
    assertThat(step.get("stage").asInt()).isEqualTo(1);
    assertThat(step.get("instruction").asText()).isEqualTo("RUN echo hi");
    assertThat(step.get("millis").asLong()).isEqualTo(55);
  }

  @Test
  void toJson_withoutABreakdown_hasEmptyBreakdownFields() {
    JsonNode json = new BuildReport(result(), List.of()).toJson();

    assertThat(json.get("startupMillis")).isEmpty();
    assertThat(json.get("breakdownMillis")).isEmpty();
    assertThat(json.get("instructionsMillis")).isEmpty();
  }

  @Test
  void writeTo_replacesAnOldReport() throws Exception {
    Path file = temp.resolve("report.json");
    Files.writeString(file, "old");

    new BuildReport(result(), List.of()).writeTo(file);

    assertThat(Files.readString(file)).startsWith("{").contains("\"digest\"");
  }
}
