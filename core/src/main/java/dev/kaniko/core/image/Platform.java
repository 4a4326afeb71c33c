package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Set;

/**
 * An OCI platform {@code os/architecture[/variant]} ({@code linux/arm64}, {@code linux/arm/v7}), as in
 * image indexes, {@code --custom-platform} and {@code FROM --platform}. Names are normalized (amd64,
 * arm64...); the variant is empty when unspecified (arm64's default v8 is stored as empty).
 */
@JsonPropertyOrder({"architecture", "os", "variant"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Platform(
    @JsonProperty("os") String os,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("variant") @JsonInclude(JsonInclude.Include.NON_EMPTY) String variant) {

  private static final Set<String> KNOWN_OS = Set.of("aix", "android", "darwin", "dragonfly",
      "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9",
      "solaris", "wasip1", "windows", "zos");

  /** Normalizes the names; {@code variant} may be null or empty. */
  public Platform {
    os = requireName(os, "os").toLowerCase(Locale.ROOT);
    architecture = normalizeArchitecture(requireName(architecture, "architecture").toLowerCase(Locale.ROOT));
    variant = normalizeVariant(architecture, variant);
  }

  /**
   * Parses {@code os/arch[/variant]} as image indexes and kaniko's {@code --custom-platform} spell it:
   * aliases normalized, no variant means "any variant".
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

  /**
   * Parses a containerd platform specifier as {@code FROM --platform} and BuildKit accept it: also a
   * bare os or architecture, known operating systems only, default variants filled in (arm is v7,
   * armel v6).
   *
   * @throws IllegalArgumentException with a one-line message
   */
  public static Platform parseSpecifier(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
    for (String part : parts) {
      if (!part.matches("[a-z0-9_.-]+")) {
        throw invalidSpecifier(text);
      }
    }
    return switch (parts.length) {
      case 1 -> KNOWN_OS.contains(parts[0])
          ? new Platform(parts[0], host().architecture(), host().variant())
          : specifier("linux", parts[0], "", text);
      case 2 -> specifier(parts[0], parts[1], "", text);
      case 3 -> specifier(parts[0], parts[1], parts[2], text);
      default -> throw invalidSpecifier(text);
    };
  }

  private static Platform specifier(String os, String arch, String variant, String text) {
    if (!KNOWN_OS.contains(os) && !os.equals("macos")) {
      throw invalidSpecifier(text);
    }
    String o = os.equals("macos") ? "darwin" : os;
    return switch (arch) {
      case "armhf" -> new Platform(o, "arm", "v7");
      case "armel" -> new Platform(o, "arm", "v6");
      case "arm" -> new Platform(o, "arm", switch (variant) {
        case "", "7" -> "v7";
        case "5", "6", "8" -> "v" + variant;
        default -> variant;
      });
      default -> new Platform(o, arch, variant);
    };
  }

  private static IllegalArgumentException invalidSpecifier(String text) {
    return new IllegalArgumentException("invalid platform \"" + text
        + "\": expected os[/architecture[/variant]], e.g. linux/amd64");
  }

  /** The platform this JVM runs on: {@code linux/<arch>} with Go architecture names; arm gets v7. */
  public static Platform host() {
    String arch = normalizeArchitecture(System.getProperty("os.arch", "").toLowerCase(Locale.ROOT));
    return new Platform("linux", arch, arch.equals("arm") ? "v7" : "");
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
    if (arch.equals("arm64") && Set.of("v8", "8", "v8.0").contains(v)) {
      return "";
    }
    if (arch.equals("amd64") && v.equals("v1")) {
      return "";
    }
    if (v.matches("[0-9]+")) {
      return "v" + v;
    }
    return v;
  }

  /** True when os and architecture equal {@code other}'s. */
  public boolean sameOsAndArchitecture(Platform other) {
    return os.equals(other.os) && architecture.equals(other.architecture);
  }

  /** True when this names a variant. */
  public boolean hasVariant() {
    return !variant.isEmpty();
  }

  /**
   * True when an image built for {@code candidate} satisfies this (requested) platform: same os and
   * architecture, and the same variant when this one names a variant.
   */
  public boolean isSatisfiedBy(Platform candidate) {
    return sameOsAndArchitecture(candidate) && (variant.isEmpty() || variant.equals(candidate.variant));
  }

  /** {@code os/arch[/variant]}. */
  @Override
  public String toString() {
    return variant.isEmpty() ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
  }
}
