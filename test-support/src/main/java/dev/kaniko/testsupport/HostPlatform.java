package dev.kaniko.testsupport;

/** The OCI platform of the machine running the tests. */
public final class HostPlatform {

  private HostPlatform() {}

  /** OCI architecture name of this JVM's host: amd64, arm64, ... */
  public static String architecture() {
    return ociArchitecture(System.getProperty("os.arch"));
  }

  /** {@code linux/<arch>}. */
  public static String platform() {
    return "linux/" + architecture();
  }

  /** A different architecture than the host's, for multi-platform fixtures (arm64, or amd64 on arm64 hosts). */
  public static String otherArchitecture() {
    return architecture().equals("arm64") ? "amd64" : "arm64";
  }

  static String ociArchitecture(String javaArch) {
    return switch (javaArch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      case "arm" -> "arm";
      case "ppc64le" -> "ppc64le";
      case "s390x" -> "s390x";
      case "riscv64" -> "riscv64";
      default -> throw new IllegalStateException("unknown CPU architecture " + javaArch);
    };
  }

  /** True when this process runs as root (uid 0). */
  public static boolean isRoot() {
    try {
      Object uid = java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (java.io.IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
