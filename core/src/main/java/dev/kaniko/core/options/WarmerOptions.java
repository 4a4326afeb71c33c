package dev.kaniko.core.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Immutable options of the cache warmer, as given on its command line. */
public final class WarmerOptions {
  private final List<String> images;
  private final Optional<Path> dockerfile;
  private final Map<String, String> buildArgs;
  private final Path cacheDir;
  private final Duration cacheTtl;
  private final boolean force;
  private final Optional<String> customPlatform;
  private final RegistryOptions registry;
  private final List<Path> pluginDirs;
  private final Set<String> disabledPlugins;

  private WarmerOptions(Builder builder) {
    this.images = List.copyOf(builder.images);
    this.dockerfile = builder.dockerfile;
    this.buildArgs = Copies.map(builder.buildArgs);
    this.cacheDir = builder.cacheDir;
    this.cacheTtl = builder.cacheTtl;
    this.force = builder.force;
    this.customPlatform = builder.customPlatform;
    this.registry = builder.registry;
    this.pluginDirs = List.copyOf(builder.pluginDirs);
    this.disabledPlugins = Copies.set(builder.disabledPlugins);
  }

  /** A builder holding kaniko's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** kaniko's defaults. */
  public static WarmerOptions defaults() {
    return builder().build();
  }

  /** Images to cache. */
  public List<String> images() {
    return images;
  }

  /** Dockerfile whose base images are cached. */
  public Optional<Path> dockerfile() {
    return dockerfile;
  }

  /** Build arguments for resolving the Dockerfile's FROM lines. */
  public Map<String, String> buildArgs() {
    return buildArgs;
  }

  /** Cache directory. */
  public Path cacheDir() {
    return cacheDir;
  }

  /** Entries older than this are refreshed. */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  /** Overwrite existing entries. */
  public boolean force() {
    return force;
  }

  /** Platform to cache ({@code os/arch[/variant]}). */
  public Optional<String> customPlatform() {
    return customPlatform;
  }

  /** Registry access, mirrors and TLS settings. */
  public RegistryOptions registry() {
    return registry;
  }

  /** Directories searched for plugin bundles, in order. */
  public List<Path> pluginDirs() {
    return pluginDirs;
  }

  /** Ids of plugins not to load. */
  public Set<String> disabledPlugins() {
    return disabledPlugins;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WarmerOptions && components().equals(((WarmerOptions) other).components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  private List<Object> components() {
    return Arrays.asList(images, dockerfile, buildArgs, cacheDir, cacheTtl, force, customPlatform, registry, pluginDirs, disabledPlugins);
  }

  /** Every option; values of build args are masked (they may carry tokens). */
  @Override
  public String toString() {
    return "WarmerOptions{"
        + "images=" + images
        + ", dockerfile=" + dockerfile
        + ", buildArgs=" + Copies.maskedValues(buildArgs)
        + ", cacheDir=" + cacheDir
        + ", cacheTtl=" + cacheTtl
        + ", force=" + force
        + ", customPlatform=" + customPlatform
        + ", registry=" + registry
        + ", pluginDirs=" + pluginDirs
        + ", disabledPlugins=" + disabledPlugins
        + '}';
  }

  /** Mutable builder; starts from kaniko's defaults. */
  public static final class Builder {
    private List<String> images = List.of();
    private Optional<Path> dockerfile = Optional.empty();
    private Map<String, String> buildArgs = Map.of();
    private Path cacheDir = Path.of("/cache");
    private Duration cacheTtl = Duration.ofHours(336);
    private boolean force = false;
    private Optional<String> customPlatform = Optional.empty();
    private RegistryOptions registry = RegistryOptions.defaults();
    private List<Path> pluginDirs = List.of();
    private Set<String> disabledPlugins = Set.of();

    private Builder() {}

    public Builder images(List<String> value) {
      this.images = Objects.requireNonNull(value, "images");
      return this;
    }

    public Builder dockerfile(Optional<Path> value) {
      this.dockerfile = Objects.requireNonNull(value, "dockerfile");
      return this;
    }

    public Builder buildArgs(Map<String, String> value) {
      this.buildArgs = Objects.requireNonNull(value, "buildArgs");
      return this;
    }

    public Builder cacheDir(Path value) {
      this.cacheDir = Objects.requireNonNull(value, "cacheDir");
      return this;
    }

    public Builder cacheTtl(Duration value) {
      this.cacheTtl = Objects.requireNonNull(value, "cacheTtl");
      return this;
    }

    public Builder force(boolean value) {
      this.force = value;
      return this;
    }

    public Builder customPlatform(Optional<String> value) {
      this.customPlatform = Objects.requireNonNull(value, "customPlatform");
      return this;
    }

    public Builder registry(RegistryOptions value) {
      this.registry = Objects.requireNonNull(value, "registry");
      return this;
    }

    public Builder pluginDirs(List<Path> value) {
      this.pluginDirs = Objects.requireNonNull(value, "pluginDirs");
      return this;
    }

    public Builder disabledPlugins(Set<String> value) {
      this.disabledPlugins = Objects.requireNonNull(value, "disabledPlugins");
      return this;
    }

    public WarmerOptions build() {
      return new WarmerOptions(this);
    }
  }
}
