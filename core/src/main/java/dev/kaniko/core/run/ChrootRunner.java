package dev.kaniko.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs RUN commands chrooted into a rootfs directory, in private mount and pid namespaces
 * ({@code unshare}), with /proc, a minimal /dev, /sys (read-only), /etc/resolv.conf and /etc/hosts for
 * the command's duration only. Mount points it had to create are removed afterwards, and the mounts
 * die with the namespace: none of them reaches the host or the next layer.
 */
public final class ChrootRunner implements Runner {
  /**
   * Mounts in the new namespace, touches the "started" marker, then execs the rest of its arguments.
   * /dev is a private tmpfs with docker's device set (null, zero, full, random, urandom, tty bound from
   * the host, a new devpts, a tmpfs shm, the fd links), so nothing the command does there reaches the
   * host's /dev.
   * Arguments: proc, dev and sys mount points, resolv.conf source and target, hosts source and target
   * (empty to skip), the marker file, then triples (bind-ro|bind-rw|tmpfs, source or tmpfs options,
   * mount point) for the RUN's own mounts and {@code lo-up IP -} for a new network namespace, then
   * {@code --}.
   */
  static final String SETUP_SCRIPT = String.join("\n",
      "set -e",
      "mount -t proc proc \"$1\"",
      "mount -t tmpfs -o nosuid,mode=755 tmpfs \"$2\"",
      "for n in null zero full random urandom tty; do : > \"$2/$n\"; mount --bind \"/dev/$n\" \"$2/$n\"; done",
      "mkdir \"$2/pts\" \"$2/shm\"",
      "mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts \"$2/pts\" 2>/dev/null"
          + " || mount --bind /dev/pts \"$2/pts\"",
      "mount -t tmpfs -o nosuid,nodev,mode=1777 shm \"$2/shm\"",
      "ln -s pts/ptmx \"$2/ptmx\"; ln -s /proc/self/fd \"$2/fd\"",
      "ln -s /proc/self/fd/0 \"$2/stdin\"; ln -s /proc/self/fd/1 \"$2/stdout\"; ln -s /proc/self/fd/2 \"$2/stderr\"",
      "mount --rbind /sys \"$3\"",
      "mount -o remount,bind,ro \"$3\"",
      "if [ -n \"$5\" ]; then mount --bind \"$4\" \"$5\"; fi",
      "if [ -n \"$7\" ]; then mount --bind \"$6\" \"$7\"; fi",
      "m=\"$8\"",
      "shift 8",
      "while [ \"$1\" != -- ]; do",
      "  case \"$1\" in",
      "    bind-ro) mount --bind \"$2\" \"$3\"; mount -o remount,bind,ro \"$3\" ;;",
      "    bind-rw) mount --bind \"$2\" \"$3\" ;;",
      "    tmpfs) mount -t tmpfs -o \"$2\" tmpfs \"$3\" ;;",
      "    lo-up) \"$2\" link set lo up ;;",
      "    *) echo \"unknown mount kind $1\"; exit 1 ;;",
      "  esac",
      "  shift 3",
      "done",
      "shift",
      ": > \"$m\"",
      "exec \"$@\"");

  private final Path root;
  private final HostTools tools;
  private final ProcessExecution execution;
  private final Path hostResolvConf;
  private final Path hostHosts;

  /**
   * @param root the rootfs directory
   * @param hostResolvConf copied to the rootfs's /etc/resolv.conf during the command (skipped if absent)
   * @param hostHosts copied to the rootfs's /etc/hosts during the command (skipped if absent)
   */
  public ChrootRunner(Path root, HostTools tools, ProcessFactory factory, Path hostResolvConf, Path hostHosts) {
    this.root = root.toAbsolutePath().normalize();
    this.tools = tools;
    this.execution = new ProcessExecution(factory);
    this.hostResolvConf = hostResolvConf;
    this.hostHosts = hostHosts;
  }

  public static ChrootRunner forHost(Path root) {
    return new ChrootRunner(root, HostTools.forHost(), ProcessFactory.DEFAULT,
        Path.of("/etc/resolv.conf"), Path.of("/etc/hosts"));
  }

  @Override
  public RunResult run(RunCommand command, OutputSink sink) throws RunException {
    Path realRoot = checkedRoot();
    Path copies = null;
    try (Placeholders placeholders = new Placeholders(realRoot)) {
      PreparedRun prepared = PreparedRun.prepare(realRoot, command, placeholders);
      copies = Files.createTempDirectory("kaniko-run-");
      Path started = copies.resolve("started");
      List<String> line = new ArrayList<>(namespaceSetup(placeholders, copies, command.isolatedNetwork()));
      line.add(started.toString());
      line.addAll(runMounts(placeholders, command));
      if (command.isolatedNetwork()) {
        line.addAll(line.size() - 1, List.of("lo-up", tools.require("ip"), "-"));
      }
      line.addAll(chrootedCommand(realRoot, prepared));
      return execute(command, line, started, sink);
    } catch (IOException e) {
      throw new RunSetupException(command.location() + "cannot prepare the rootfs for RUN: " + e.getMessage(), e);
    } finally {
      deleteCopies(copies);
    }
  }

  private Path checkedRoot() throws RunSetupException {
    if (!Files.isDirectory(root)) {
      throw new RunSetupException("the rootfs " + root + " is not a directory");
    }
    if (!ProcessIdentity.isRoot()) {
      throw new RunSetupException("chroot mode needs root: RUN unshares mount and pid namespaces and chroots");
    }
    try {
      return root.toRealPath();
    } catch (IOException e) {
      throw new RunSetupException("cannot resolve the rootfs " + root + ": " + e.getMessage(), e);
    }
  }

  /** {@code env -i ... setpriv (gid, groups) unshare --root --wd --setuid argv}. */
  private List<String> chrootedCommand(Path realRoot, PreparedRun prepared) throws RunSetupException {
    List<String> line = new ArrayList<>(prepared.envPrefix(tools.require("env")));
    ResolvedUser user = prepared.user();
    line.addAll(List.of(tools.require("setpriv"), "--regid=" + user.gid(), "--groups=" + user.groupList(),
        "--", tools.require("unshare"), "--root=" + realRoot, "--wd=/" + realRoot.relativize(prepared.workdir()),
        "--setuid=" + user.uid(), "--"));
    line.addAll(prepared.argv());
    return line;
  }

  /** Runs it; a failure before the setup script touched {@code started} is a setup error. */
  private RunResult execute(RunCommand command, List<String> line, Path started, OutputSink sink)
      throws RunException {
    LastLine last = new LastLine(sink);
    try {
      return execution.run(command, line, tools.searchPath(), root, last);
    } catch (RunFailedException e) {
      if (!Files.exists(started)) {
        throw new RunSetupException(command.location() + "cannot set up the chroot for RUN (exit code "
            + e.exitCode() + "): " + last.text(), e);
      }
      throw e;
    }
  }

  /**
   * The RUN's mounts as setup-script triples, their mount points created in the rootfs (removed
   * afterwards, so neither the content nor a point RUN did not create reaches the layer).
   */
  private static List<String> runMounts(Placeholders placeholders, RunCommand command) throws IOException {
    List<String> args = new ArrayList<>();
    for (RunMount mount : command.mounts()) {
      Path point = mount.isDirectory() ? placeholders.directory(mount.target()) : placeholders.file(mount.target());
      switch (mount.kind()) {
        case BIND -> args.addAll(List.of(mount.readOnly() ? "bind-ro" : "bind-rw", mount.source().toString(),
            point.toString()));
        case TMPFS -> args.addAll(List.of("tmpfs",
            mount.options().isEmpty() ? "mode=1777" : "mode=1777," + mount.options(), point.toString()));
      }
    }
    args.add("--");
    return args;
  }

  private List<String> namespaceSetup(Placeholders placeholders, Path copies, boolean isolatedNetwork) throws IOException, RunSetupException {
    tools.require("mount");
    List<String> line = new ArrayList<>(List.of(tools.require("unshare"), "--mount", "--pid", "--fork",
        "--kill-child", "--propagation", "private"));
    if (isolatedNetwork) {
      line.add("--net");
    }
    line.addAll(List.of("--", tools.require("sh"), "-c", SETUP_SCRIPT, "sh"));
    line.add(placeholders.directory("/proc").toString());
    line.add(placeholders.directory("/dev").toString());
    line.add(placeholders.directory("/sys").toString());
    line.addAll(hostFile(placeholders, copies, hostResolvConf, "/etc/resolv.conf"));
    line.addAll(hostFile(placeholders, copies, hostHosts, "/etc/hosts"));
    return line;
  }

  /** A private copy of the host file (so the command cannot change the host's) and its mount point. */
  private static List<String> hostFile(Placeholders placeholders, Path copies, Path hostFile, String target)
      throws IOException {
    if (hostFile == null || !Files.isRegularFile(hostFile)) {
      return List.of("", "");
    }
    Path copy = copies.resolve(Path.of(target).getFileName().toString());
    Files.copy(hostFile, copy);
    return List.of(copy.toString(), placeholders.file(target).toString());
  }

  /** Passes lines on and remembers the last one, for setup errors. */
  private static final class LastLine implements OutputSink {
    private final OutputSink next;
    private volatile String last = "";

    LastLine(OutputSink next) {
      this.next = next;
    }

    @Override
    public void line(String line) {
      last = line;
      next.line(line);
    }

    String text() {
      return last.isEmpty() ? "no output" : last;
    }
  }

  private static void deleteCopies(Path copies) {
    if (copies == null) {
      return;
    }
    try (var files = Files.list(copies)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(copies);
    } catch (IOException e) {
      // a temp dir left behind holds only copies of resolv.conf and hosts
    }
  }
}
