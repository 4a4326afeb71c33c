package dev.kaniko.core.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** An OCI platform {@code os/architecture[/variant]}, as in {@code --custom-platform} and image indexes. */
public final class Platform {

  private final String os;
  private final String architecture;
  private final String variant;

  /** Creates a platform; {@code variant} may be null or empty. Names are normalized (amd64, arm64...). */
  public Platform(String os, String architecture, String variant) {
    this.os = requireName(os, "os").toLowerCase(Locale.ROOT);
    this.architecture = normalizeArchitecture(requireName(architecture, "architecture").toLowerCase(Locale.ROOT));
    this.variant = normalizeVariant(this.architecture, variant);
  }

  /**
   * Parses {@code os/arch[/variant]}.
   *
   * @throws IllegalArgumentException with a one-line message for anything else
   */
  public static Platform parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
        || (parts.length == 3 && parts[2].isEmpty())) {
      throw new IllegalArgumentException("invalid platform '" + text + "': expected os/arch[/variant], e.g. linux/arm64");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  /** The platform of the running JVM ({@code linux/<arch>}; arm gets variant v7). */
  public static Platform host() {
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
    return new Platform(os, System.getProperty("os.arch"), null);
  }

  private static String requireName(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("platform " + what + " is empty");
    }
    return value.trim();
  }

  static String normalizeArchitecture(String arch) {
    return switch (arch) {
      case "x86_64", "x86-64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "i386", "i686", "x86", "386" -> "386";
      case "armhf", "armel", "arm" -> "arm";
      default -> arch;
    };
  }

  private static String normalizeVariant(String arch, String variant) {
    String v = variant == null ? "" : variant.trim().toLowerCase(Locale.ROOT);
    if (arch.equals("arm64") && (v.equals("v8") || v.equals("8"))) {
      return "";
    }
    if (v.matches("[0-9]+")) {
      return "v" + v;
    }
    return v;
  }

  /** The operating system ({@code linux}). */
  public String os() {
    return os;
  }

  /** The normalized architecture ({@code amd64}, {@code arm64}, {@code arm}...). */
  public String architecture() {
    return architecture;
  }

  /** The variant, empty when unspecified (arm64's default v8 is stored as empty). */
  public Optional<String> variant() {
    return variant.isEmpty() ? Optional.empty() : Optional.of(variant);
  }

  /** True when os and architecture equal {@code other}'s. */
  public boolean sameOsAndArchitecture(Platform other) {
    return os.equals(other.os) && architecture.equals(other.architecture);
  }

  /**
   * True when an image built for {@code candidate} satisfies this (requested) platform: same os and
   * architecture, and the same variant when this one names a variant.
   */
  public boolean isSatisfiedBy(Platform candidate) {
    return sameOsAndArchitecture(candidate) && (variant.isEmpty() || variant.equals(candidate.variant));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Platform that
        && os.equals(that.os) && architecture.equals(that.architecture) && variant.equals(that.variant);
  }

  @Override
  public int hashCode() {
    return Objects.hash(os, architecture, variant);
  }

  /** {@code os/arch[/variant]}. */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
