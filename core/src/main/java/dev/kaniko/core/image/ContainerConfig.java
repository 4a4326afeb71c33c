package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The runtime part of an image config (Docker's {@code config} object). Null means "not set"
 * and is omitted; an empty list (e.g. {@code Cmd []}) is kept, since it means something else.
 */
@JsonPropertyOrder({"User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Healthcheck",
    "ArgsEscaped", "Volumes", "WorkingDir", "Labels", "OnBuild", "StopSignal", "Shell"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerConfig(
    @JsonProperty("User") String user,
    @JsonProperty("ExposedPorts")
    @JsonSerialize(using = KeySetJson.Serializer.class)
    @JsonDeserialize(using = KeySetJson.Deserializer.class)
    SortedSet<String> exposedPorts,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Healthcheck") Healthcheck healthcheck,
    @JsonProperty("ArgsEscaped") Boolean argsEscaped,
    @JsonProperty("Volumes")
    @JsonSerialize(using = KeySetJson.Serializer.class)
    @JsonDeserialize(using = KeySetJson.Deserializer.class)
    SortedSet<String> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Labels") SortedMap<String, String> labels,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("Shell") List<String> shell) {

  public ContainerConfig {
    exposedPorts = exposedPorts == null ? null : new TreeSet<>(exposedPorts);
    env = copy(env);
    entrypoint = copy(entrypoint);
    cmd = copy(cmd);
    volumes = volumes == null ? null : new TreeSet<>(volumes);
    labels = labels == null ? null : new TreeMap<>(labels);
    onBuild = copy(onBuild);
    shell = copy(shell);
  }

  private static List<String> copy(List<String> l) {
    return l == null ? null : List.copyOf(l);
  }

  public static ContainerConfig empty() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.user = user;
    b.exposedPorts = exposedPorts == null ? null : new TreeSet<>(exposedPorts);
    b.env = env == null ? null : new ArrayList<>(env);
    b.entrypoint = entrypoint;
    b.cmd = cmd;
    b.healthcheck = healthcheck;
    b.argsEscaped = argsEscaped;
    b.volumes = volumes == null ? null : new TreeSet<>(volumes);
    b.workingDir = workingDir;
    b.labels = labels == null ? null : new TreeMap<>(labels);
    b.onBuild = onBuild == null ? null : new ArrayList<>(onBuild);
    b.stopSignal = stopSignal;
    b.shell = shell;
    return b;
  }

  /** Mutable builder; the engine applies instructions to it and builds once per step. */
  public static final class Builder {
    private String user;
    private SortedSet<String> exposedPorts;
    private List<String> env;
    private List<String> entrypoint;
    private List<String> cmd;
    private Healthcheck healthcheck;
    private Boolean argsEscaped;
    private SortedSet<String> volumes;
    private String workingDir;
    private SortedMap<String, String> labels;
    private List<String> onBuild;
    private String stopSignal;
    private List<String> shell;

    private Builder() {}

    public Builder user(String v) { user = v; return this; }

    public Builder exposedPort(String port) {
      if (exposedPorts == null) {
        exposedPorts = new TreeSet<>();
      }
      exposedPorts.add(port.contains("/") ? port : port + "/tcp");
      return this;
    }

    /** Sets {@code NAME=value}, replacing an earlier value of NAME in place. */
    public Builder env(String name, String value) {
      if (env == null) {
        env = new ArrayList<>();
      }
      String entry = name + "=" + value;
      for (int i = 0; i < env.size(); i++) {
        if (env.get(i).startsWith(name + "=")) {
          env.set(i, entry);
          return this;
        }
      }
      env.add(entry);
      return this;
    }

    public Builder entrypoint(List<String> v) { entrypoint = v; return this; }

    public Builder cmd(List<String> v) { cmd = v; return this; }

    public Builder healthcheck(Healthcheck v) { healthcheck = v; return this; }

    public Builder argsEscaped(Boolean v) { argsEscaped = v; return this; }

    public Builder volume(String path) {
      if (volumes == null) {
        volumes = new TreeSet<>();
      }
      volumes.add(path);
      return this;
    }

    public Builder workingDir(String v) { workingDir = v; return this; }

    public Builder label(String key, String value) {
      if (labels == null) {
        labels = new TreeMap<>();
      }
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels = v == null ? null : new TreeMap<>(v);
      return this;
    }

    public Builder onBuild(String trigger) {
      if (onBuild == null) {
        onBuild = new ArrayList<>();
      }
      onBuild.add(trigger);
      return this;
    }

    public Builder clearOnBuild() { onBuild = null; return this; }

    public Builder stopSignal(String v) { stopSignal = v; return this; }

    public Builder shell(List<String> v) { shell = v; return this; }

    public ContainerConfig build() {
      return new ContainerConfig(user, exposedPorts, env, entrypoint, cmd, healthcheck,
          argsEscaped, volumes, workingDir, labels, onBuild, stopSignal, shell);
    }
  }
}
