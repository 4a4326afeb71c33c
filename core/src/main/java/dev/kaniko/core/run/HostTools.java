package dev.kaniko.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the host programs RUN relies on ({@code env}, {@code setpriv}, {@code unshare}, {@code mount},
 * {@code sh}) on the host PATH, plus the usual system directories.
 */
public final class HostTools {
  private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private final List<Path> dirs;

  private HostTools(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  /** @param env the host environment; its PATH is searched first */
  public static HostTools fromEnvironment(Map<String, String> env) {
    Set<String> entries = new LinkedHashSet<>();
    String path = env.get("PATH");
    if (path != null) {
      for (String dir : path.split(":")) {
        if (dir.startsWith("/")) {
          entries.add(dir);
        }
      }
    }
    entries.addAll(SYSTEM_DIRS);
    List<Path> dirs = new ArrayList<>();
    entries.forEach(d -> dirs.add(Path.of(d)));
    return new HostTools(dirs);
  }

  public static HostTools forHost() {
    return fromEnvironment(System.getenv());
  }

  /** The absolute path of {@code program}, or a clear error naming the package that provides it. */
  public String require(String program) throws RunSetupException {
    for (Path dir : dirs) {
      Path candidate = dir.resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new RunSetupException("RUN needs '" + program + "' (" + packageOf(program)
        + ") on the host, and it is not in " + searchPath());
  }

  /** The PATH the helper tools run with. */
  public String searchPath() {
    return String.join(":", dirs.stream().map(Path::toString).toList());
  }

  private static String packageOf(String program) {
    return switch (program) {
      case "env" -> "coreutils";
      case "ip" -> "iproute2";
      case "sh" -> "dash or busybox";
      default -> "util-linux";
    };
  }
}
