package dev.kaniko.core.build;

import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build produced: the image (manifest) digest, its config and layer descriptors, and how
 * long each phase took (in order: parse, stages, assemble, outputs, push), and the blob bytes
 * downloaded from and uploaded to registries, and the layer-cache hits and misses (--cache), for
 * the JSON report.
 */
public record BuildResult(String digest, String configDigest, ImageConfig config,
    List<Descriptor> layers, Map<String, Duration> timings, long bytesPulled, long bytesPushed,
    Map<String, Duration> breakdown, List<BuildTimings.InstructionTime> instructions,
    int cacheHits, int cacheMisses) {

  public BuildResult {
    layers = List.copyOf(layers);
    timings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    breakdown = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
    instructions = List.copyOf(instructions);
  }

  /** A result without the per-phase breakdown. */
  public BuildResult(String digest, String configDigest, ImageConfig config,
      List<Descriptor> layers, Map<String, Duration> timings, long bytesPulled,
      long bytesPushed) {
    this(digest, configDigest, config, layers, timings, bytesPulled, bytesPushed, Map.of(),
        List.of());
  }

  /** A result without layer-cache lookups. */
  public BuildResult(String digest, String configDigest, ImageConfig config,
      List<Descriptor> layers, Map<String, Duration> timings, long bytesPulled,
      long bytesPushed, Map<String, Duration> breakdown,
      List<BuildTimings.InstructionTime> instructions) {
    this(digest, configDigest, config, layers, timings, bytesPulled, bytesPushed, breakdown,
        instructions, 0, 0);
  }
}
