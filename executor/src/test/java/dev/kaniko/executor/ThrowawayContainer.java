package dev.kaniko.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away "container" for in-place builds that never touch this machine: a root directory
 * in a temp dir holding busybox-static, entered with {@code unshare --mount --pid --fork} and
 * {@code chroot}, with a fresh /proc, a tmpfs /dev, the JDK (and the system libraries and /etc
 * files it needs) bind-mounted read-only at their host paths, read-only file binds of host tools,
 * and read-write volumes. Every mount lives in the private mount namespace only.
 */
final class ThrowawayContainer {
  private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s+|^\\s*)(/\\S+)\\s+\\(0x");

  private final Path root;
  private final Path javaHome = Path.of(System.getProperty("java.home"));
  private final TreeSet<String> readOnlyDirs = new TreeSet<>();
  private final Map<String, String> readOnlyFiles = new LinkedHashMap<>();
  private final Map<String, String> volumes = new LinkedHashMap<>();

  ThrowawayContainer(Path root) throws IOException {
    this.root = Files.createDirectories(root);
    for (String dir : List.of("bin", "proc", "dev", "sys", "tmp", "etc")) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.setAttribute(root.resolve("tmp"), "unix:mode", 01777);
    installBusybox();
    Files.createFile(root.resolve(".dockerenv"));
    readOnlyDirs.add(javaHome.toRealPath().toString());
    addJdkExternals();
    addLibrariesOf(javaHome.resolve("bin/java"));
    addLibrariesOf(javaHome.resolve("lib/server/libjvm.so"));
    try (Stream<Path> libs = Files.list(javaHome.resolve("lib"))) {
      for (Path lib : libs.filter(p -> p.toString().endsWith(".so")).toList()) {
        addLibrariesOf(lib);
      }
    }
  }

  Path root() {
    return root;
  }

  /** The host path of {@code path} inside the container. */
  Path path(String path) {
    return root.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** Binds {@code hostDir} read-only at {@code target} inside. */
  ThrowawayContainer readOnly(Path hostDir, String target) {
    readOnlyFiles.put(target, hostDir.toString());
    return this;
  }

  /** Binds the host program {@code program} (and the libraries it needs) read-only at {@code target}. */
  ThrowawayContainer tool(String program, String target) throws IOException {
    Path host = which(program);
    readOnlyFiles.put(target, host.toString());
    addLibrariesOf(host);
    return this;
  }

  /** Binds {@code hostDir} read-write at {@code target} inside (a volume). */
  ThrowawayContainer volume(Path hostDir, String target) {
    volumes.put(target, hostDir.toString());
    return this;
  }

  /**
   * Runs {@code argv} inside with exactly {@code env}; returns the exit code (output in
   * {@code log}).
   */
  int run(List<String> argv, Map<String, String> env, Path log, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path script = Files.writeString(root.getParent().resolve("enter.sh"), script(argv, env),
        StandardCharsets.UTF_8);
    Process process = new ProcessBuilder("unshare", "--mount", "--pid", "--fork", "--kill-child",
        "--propagation", "private", "--", "/bin/sh", script.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the throw-away container did not finish in " + timeoutSeconds + " s:\n"
          + Files.readString(log));
    }
    return process.exitValue();
  }

  /** The host-side script: mounts (private namespace), then {@code exec chroot}. */
  private String script(List<String> argv, Map<String, String> env) throws IOException {
    StringBuilder s = new StringBuilder("set -e\n");
    String r = quote(root.toString());
    // a container's / is a mount point (nested namespaces need one to change its propagation)
    s.append("mount --bind ").append(r).append(' ').append(r).append('\n');
    s.append("mount -t proc proc ").append(r).append("/proc\n");
    s.append("mount --rbind /sys ").append(r).append("/sys\n");
    s.append("mount -o remount,bind,ro ").append(r).append("/sys\n");
    s.append("mount -t tmpfs -o mode=0755 tmpfs ").append(r).append("/dev\n");
    for (String node : List.of("null", "zero", "full", "random", "urandom", "tty")) {
      s.append("touch ").append(r).append("/dev/").append(node).append("\n");
      s.append("mount --bind /dev/").append(node).append(' ').append(r).append("/dev/")
          .append(node).append("\n");
    }
    for (String dir : minimal(readOnlyDirs)) {
      bind(s, dir, dir, true, true);
    }
    for (Map.Entry<String, String> file : readOnlyFiles.entrySet()) {
      bind(s, file.getValue(), file.getKey(), true, Files.isDirectory(Path.of(file.getValue())));
    }
    for (Map.Entry<String, String> volume : volumes.entrySet()) {
      bind(s, volume.getValue(), volume.getKey(), false, true);
    }
    s.append("exec chroot ").append(r).append(" /bin/env -i");
    for (Map.Entry<String, String> e : env.entrySet()) {
      s.append(' ').append(quote(e.getKey() + "=" + e.getValue()));
    }
    for (String arg : argv) {
      s.append(' ').append(quote(arg));
    }
    return s.append('\n').toString();
  }

  private void bind(StringBuilder s, String host, String target, boolean readOnly, boolean dir) {
    String t = quote(root + target);
    if (dir) {
      s.append("mkdir -p ").append(t).append('\n');
    } else {
      s.append("mkdir -p ").append(quote(root + Path.of(target).getParent().toString()))
          .append(" && touch ").append(t).append('\n');
    }
    s.append("mount --bind ").append(quote(host)).append(' ').append(t).append('\n');
    if (readOnly) {
      s.append("mount -o remount,bind,ro ").append(t).append('\n');
    }
  }

  private void installBusybox() throws IOException {
    Path busybox = Path.of(Files.exists(Path.of("/bin/busybox")) ? "/bin/busybox" : "/usr/bin/busybox")
        .toRealPath();
    Path target = root.resolve("bin/busybox");
    Files.copy(busybox, target);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    Process list = new ProcessBuilder(busybox.toString(), "--list").redirectErrorStream(true).start();
    String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (String applet : applets.lines().map(String::strip).filter(a -> !a.isEmpty()).toList()) {
      Path link = root.resolve("bin").resolve(applet);
      if (!Files.exists(link) && !applet.contains("/")) {
        Files.createSymbolicLink(link, Path.of("busybox"));
      }
    }
  }

  /** Files the JDK links to outside java.home (Debian's conf/ -> /etc/java-17-openjdk). */
  private void addJdkExternals() throws IOException {
    Path home = javaHome.toRealPath();
    try (Stream<Path> paths = Files.walk(home)) {
      for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
        if (!Files.exists(link)) {
          continue;
        }
        Path target = link.toRealPath();
        if (!target.startsWith(home)) {
          readOnlyDirs.add((Files.isDirectory(target) ? target : target.getParent()).toString());
        }
      }
    }
  }

  /** The directories of the shared libraries {@code binary} needs, and symlinks like /lib -> usr/lib. */
  private void addLibrariesOf(Path binary) throws IOException {
    Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (String line : out.lines().toList()) {
      Matcher m = LDD_PATH.matcher(line);
      if (!m.find()) {
        continue;
      }
      Path lib = Path.of(m.group(1));
      if (!Files.exists(lib) || lib.toRealPath().startsWith(javaHome.toRealPath())) {
        continue;
      }
      readOnlyDirs.add(lib.getParent().toRealPath().toString());
      readOnlyDirs.add(lib.toRealPath().getParent().toString());
      replicateSymlinkedAncestors(lib);
    }
  }

  private void replicateSymlinkedAncestors(Path path) throws IOException {
    Path current = Path.of("/");
    for (Path name : path.getParent()) {
      current = current.resolve(name);
      Path inside = root.resolve(current.toString().substring(1));
      if (Files.isSymbolicLink(current) && !Files.exists(inside, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(inside.getParent());
        Files.createSymbolicLink(inside, Files.readSymbolicLink(current));
      }
    }
  }

  /** The directories, without those below another one. */
  private static List<String> minimal(TreeSet<String> dirs) {
    List<String> out = new ArrayList<>();
    for (String dir : dirs) {
      if (out.stream().noneMatch(kept -> dir.equals(kept) || dir.startsWith(kept + "/"))) {
        out.add(dir);
      }
    }
    return out;
  }

  /** The directories bound read-only, for tests that check they were left alone. */
  List<String> readOnlyDirectories() {
    return minimal(readOnlyDirs);
  }

  private static Path which(String program) throws IOException {
    for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toRealPath();
      }
    }
    throw new IOException("the host has no " + program);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
