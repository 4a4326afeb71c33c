package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.rootfs.IgnoredPaths;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an in-place build never deletes, overwrites nor snapshots (kaniko's ignore list, plus what a
 * JVM executor needs): the kaniko dir, /proc, /sys, /dev, /etc/mtab, every mount point, /var/run
 * (and the directory it links to) unless {@code --ignore-var-run=false}, {@code --ignore-path}s,
 * and the executor's distribution and classpath; the engine adds the JVM, the context and the work dir.
 */
final class InPlaceIgnores {
  private InPlaceIgnores() {}

  static IgnoredPaths of(BuildOptions options, Optional<Path> executorHome) {
    List<String> more = new ArrayList<>();
    addWithRealPath(more, options.kanikoDir());
    executorHome.ifPresent(home -> addWithRealPath(more, home));
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && !entry.endsWith("*")) {
        addWithRealPath(more, Path.of(entry)); // run without bin/executor: keep the classpath too
      }
    }
    if (options.ignoreVarRun()) {
      varRunTarget().ifPresent(more::add);
    }
    return IgnoredPaths.forInPlaceHost(options.kanikoDir().toAbsolutePath().toString(),
        options.ignoreVarRun(), options.ignorePaths()).plus(more);
  }

  /** Where {@code /var/run} leads when it is a symlink ({@code /run} in most images). */
  private static Optional<String> varRunTarget() {
    Path varRun = Path.of("/var/run");
    if (!Files.isSymbolicLink(varRun)) {
      return Optional.empty();
    }
    try {
      Path target = varRun.getParent().resolve(Files.readSymbolicLink(varRun)).normalize();
      return target.getParent() == null ? Optional.empty() : Optional.of(target.toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void addWithRealPath(List<String> paths, Path path) {
    paths.add(path.toAbsolutePath().normalize().toString());
    try {
      paths.add(path.toRealPath().toString());
    } catch (IOException e) {
      // not there (yet): the path as given is enough
    }
  }
}
