package dev.kaniko.core.dockerfile;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An OCI platform: os/architecture[/variant], e.g. {@code linux/arm64} or {@code linux/arm/v7}.
 * Parsing follows containerd's specifier rules (aliases normalized, {@code linux} or {@code arm64}
 * alone allowed).
 */
public record Platform(String os, String architecture, String variant) {
  private static final Set<String> KNOWN_OS = Set.of("aix", "android", "darwin", "dragonfly",
      "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9",
      "solaris", "wasip1", "windows", "zos");

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    variant = variant == null ? "" : variant;
  }

  /** Parses {@code os[/arch[/variant]]} or a bare arch; throws IllegalArgumentException. */
  public static Platform parse(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
    for (String part : parts) {
      if (!part.matches("[a-z0-9_.-]+")) {
        throw invalid(text);
      }
    }
    return switch (parts.length) {
      case 1 -> KNOWN_OS.contains(parts[0])
          ? new Platform(parts[0], current().architecture(), current().variant())
          : normalized("linux", parts[0], "", text);
      case 2 -> normalized(parts[0], parts[1], "", text);
      case 3 -> normalized(parts[0], parts[1], parts[2], text);
      default -> throw invalid(text);
    };
  }

  private static Platform normalized(String os, String arch, String variant, String text) {
    if (!KNOWN_OS.contains(os) && !os.equals("macos")) {
      throw invalid(text);
    }
    String o = os.equals("macos") ? "darwin" : os;
    return switch (arch) {
      case "i386" -> new Platform(o, "386", "");
      case "x86_64", "x86-64", "amd64" ->
          new Platform(o, "amd64", variant.equals("v1") ? "" : variant);
      case "aarch64", "arm64" -> new Platform(o, "arm64",
          Set.of("8", "v8", "v8.0").contains(variant) ? "" : variant);
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

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid platform \"" + text
        + "\": expected os[/architecture[/variant]], e.g. linux/amd64");
  }

  /** The platform this JVM runs on, with Go architecture names (amd64, arm64...). */
  public static Platform current() {
    String arch = switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> System.getProperty("os.arch");
    };
    return new Platform("linux", arch, arch.equals("arm") ? "v7" : "");
  }

  @Override
  public String toString() {
    return variant.isEmpty() ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
  }
}
