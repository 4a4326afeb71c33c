package dev.kaniko.executor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaniko.core.build.BuildResult;
import dev.kaniko.core.build.BuildTimings;
import dev.kaniko.core.image.Descriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON build report of {@code --report FILE}: image and config digests, destinations, the
 * layers (digest, size, media type), blob bytes pulled and pushed, layer-cache hits and misses, and
 * milliseconds per build phase (plus a finer, overlapping breakdown: start-up, pull, extract,
 * snapshot, layer write, push, and each instruction).
 */
final class BuildReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BuildResult result;
  private final List<String> destinations;
  private final Map<String, Long> startupMillis;

  BuildReport(BuildResult result, List<String> destinations) {
    this(result, destinations, Map.of());
  }

  /** @param startupMillis the executor's phases before the build (JVM start to main, plugins...) */
  BuildReport(BuildResult result, List<String> destinations, Map<String, Long> startupMillis) {
    this.result = result;
    this.destinations = List.copyOf(destinations);
    this.startupMillis = new LinkedHashMap<>(startupMillis);
  }

  /** The report as a JSON tree. */
  ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("digest", result.digest());
    root.put("configDigest", result.configDigest());
    ArrayNode names = root.putArray("destinations");
    destinations.forEach(names::add);
    ArrayNode layers = root.putArray("layers");
    long total = 0;
    for (Descriptor layer : result.layers()) {
      layers.addObject().put("digest", layer.digest()).put("size", layer.size())
          .put("mediaType", layer.mediaType());
      total += layer.size();
    }
    root.put("layersSize", total);
    root.put("bytesPulled", result.bytesPulled());
    root.put("bytesPushed", result.bytesPushed());
    root.put("cacheHits", result.cacheHits());
    root.put("cacheMisses", result.cacheMisses());
    ObjectNode phases = root.putObject("phasesMillis");
    long all = 0;
    for (Map.Entry<String, Duration> phase : result.timings().entrySet()) {
      phases.put(phase.getKey(), phase.getValue().toMillis());
      all += phase.getValue().toMillis();
    }
    root.put("totalMillis", all);
    breakdown(root);
    return root;
  }

  /**
   * The finer phases (they overlap phasesMillis and may overlap each other, so they are not part
   * of totalMillis): start-up before the build, pull/extract/snapshot/layer write/push, and each
   * instruction in the order it ran.
   */
  private void breakdown(ObjectNode root) {
    ObjectNode startup = root.putObject("startupMillis");
    startupMillis.forEach(startup::put);
    ObjectNode phases = root.putObject("breakdownMillis");
    result.breakdown().forEach((phase, time) -> phases.put(phase, time.toMillis()));
    ArrayNode steps = root.putArray("instructionsMillis");
    for (BuildTimings.InstructionTime step : result.instructions()) {
      steps.addObject().put("stage", step.stage()).put("instruction", step.instruction())
          .put("millis", step.duration().toMillis());
    }
  }

  /** Writes the report to {@code file} atomically (a temp file in the same directory, then a move). */
  void writeTo(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".report", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        JSON.writeValue(out, toJson());
      }
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
