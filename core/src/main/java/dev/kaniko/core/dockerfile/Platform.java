package dev.kaniko.core.dockerfile;

import java.util.Locale;
import java.util.Objects;

/** An OCI platform: os/architecture[/variant], e.g. {@code linux/arm64} or {@code linux/arm/v7}. */
public record Platform(String os, String architecture, String variant) {

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    variant = variant == null ? "" : variant;
  }

  /** Parses {@code os/arch[/variant]}; throws IllegalArgumentException on anything else. */
  public static Platform parse(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
        || (parts.length == 3 && parts[2].isEmpty())) {
      throw new IllegalArgumentException("invalid platform \"" + text
          + "\": expected os/architecture[/variant], e.g. linux/amd64");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
  }

  /** The platform this JVM runs on, with Go architecture names (amd64, arm64...). */
  public static Platform current() {
    String arch = switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "ppc64le" -> "ppc64le";
      case "s390x" -> "s390x";
      case "riscv64" -> "riscv64";
      case "x86", "i386", "i686" -> "386";
      case "arm" -> "arm";
      default -> System.getProperty("os.arch");
    };
    return new Platform("linux", arch, "");
  }

  @Override
  public String toString() {
    return variant.isEmpty() ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
  }
}
