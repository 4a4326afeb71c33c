package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The image config blob: creation time (RFC 3339 text, kept verbatim from base images), author,
 * platform, runtime config, rootfs diffIDs and history.
 */
@JsonPropertyOrder({"created", "author", "architecture", "os", "variant", "config", "rootfs",
    "history"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfig(
    @JsonProperty("created") String created,
    @JsonProperty("author") String author,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("variant") String variant,
    @JsonProperty("config") ContainerConfig config,
    @JsonProperty("rootfs") RootFs rootfs,
    @JsonProperty("history") @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<HistoryEntry> history) {

  public ImageConfig {
    config = config == null ? ContainerConfig.empty() : config;
    rootfs = rootfs == null ? RootFs.of(List.of()) : rootfs;
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** An empty config for {@code FROM scratch}: linux/amd64-style platform given by the caller. */
  public static ImageConfig scratch(String os, String architecture, String variant) {
    return new ImageConfig(null, null, architecture, os, variant, null, null, null);
  }

  /** RFC 3339 text of an instant, as written in {@code created} fields. */
  public static String timestamp(Instant instant) {
    return instant.toString();
  }

  public ImageConfig withCreated(Instant instant) {
    return new ImageConfig(timestamp(instant), author, architecture, os, variant, config, rootfs,
        history);
  }

  public ImageConfig withAuthor(String a) {
    return new ImageConfig(created, a, architecture, os, variant, config, rootfs, history);
  }

  public ImageConfig withConfig(ContainerConfig c) {
    return new ImageConfig(created, author, architecture, os, variant, c, rootfs, history);
  }

  public ImageConfig withRootFs(RootFs r) {
    return new ImageConfig(created, author, architecture, os, variant, config, r, history);
  }

  public ImageConfig withHistory(List<HistoryEntry> h) {
    return new ImageConfig(created, author, architecture, os, variant, config, rootfs, h);
  }

  /** This config with one more history line. */
  public ImageConfig addHistory(HistoryEntry entry) {
    List<HistoryEntry> h = new ArrayList<>(history);
    h.add(entry);
    return withHistory(h);
  }
}
