package dev.kaniko.core.extract;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Immutable options of a {@link TarExtractor}: the mode, whether numeric ownership is applied,
 * and an ignore predicate over absolute image paths ("/proc/cpuinfo") that are never written.
 */
public final class ExtractOptions {
  private final ExtractMode mode;
  private final boolean applyOwnership;
  private final Predicate<String> ignore;

  private ExtractOptions(Builder builder) {
    this.mode = builder.mode;
    this.applyOwnership = builder.applyOwnership;
    this.ignore = builder.ignore;
  }

  /** Layer semantics with ownership applied and nothing ignored. */
  public static ExtractOptions layer() {
    return builder(ExtractMode.LAYER).build();
  }

  /** Context semantics, ownership not applied, nothing ignored. */
  public static ExtractOptions context() {
    return builder(ExtractMode.CONTEXT).build();
  }

  /** A builder whose ownership default follows the mode (applied for LAYER, not for CONTEXT). */
  public static Builder builder(ExtractMode mode) {
    return new Builder(mode);
  }

  public ExtractMode mode() {
    return mode;
  }

  public boolean applyOwnership() {
    return applyOwnership;
  }

  /** True when the absolute image path (e.g. "/proc/1") must never be written nor deleted. */
  public boolean isIgnored(String imagePath) {
    return ignore.test(imagePath);
  }

  @Override
  public String toString() {
    return "ExtractOptions{mode=" + mode + ", applyOwnership=" + applyOwnership + "}";
  }

  /** Builds {@link ExtractOptions}. */
  public static final class Builder {
    private final ExtractMode mode;
    private boolean applyOwnership;
    private Predicate<String> ignore = path -> false;

    private Builder(ExtractMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      this.applyOwnership = mode == ExtractMode.LAYER;
    }

    /** Apply the entries' numeric uid/gid (needs root for foreign ids). */
    public Builder applyOwnership(boolean apply) {
      this.applyOwnership = apply;
      return this;
    }

    /** Paths (absolute image paths, "/" separated) that are skipped and never deleted. */
    public Builder ignore(Predicate<String> predicate) {
      this.ignore = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    public ExtractOptions build() {
      return new ExtractOptions(this);
    }
  }
}
