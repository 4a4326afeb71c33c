package dev.kaniko.core.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A mount for one RUN's duration ({@code RUN --mount}, already resolved to the host): a bind of a host
 * path, read-only or not, or a fresh tmpfs, at an absolute path inside the rootfs.
 *
 * @param source the host file or directory to bind; ignored for tmpfs
 * @param target absolute path inside the rootfs
 * @param options tmpfs options ({@code size=...}); empty otherwise
 */
public record RunMount(Kind kind, Path source, String target, boolean readOnly, String options) {
  /** What is mounted. */
  public enum Kind { BIND, TMPFS }

  public RunMount {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    options = options == null ? "" : options;
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("mount target must be absolute: " + target);
    }
    if (kind == Kind.BIND) {
      Objects.requireNonNull(source, "source");
    }
  }

  public static RunMount bind(Path source, String target, boolean readOnly) {
    return new RunMount(Kind.BIND, source, target, readOnly, "");
  }

  public static RunMount tmpfs(String target, String options) {
    return new RunMount(Kind.TMPFS, null, target, false, options);
  }

  /** Whether the mount point is a directory (a bound regular file needs a file). */
  boolean isDirectory() {
    return kind == Kind.TMPFS || java.nio.file.Files.isDirectory(source);
  }
}
