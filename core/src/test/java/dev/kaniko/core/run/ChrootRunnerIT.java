package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.TempDirs;
import dev.kaniko.testsupport.Umoci;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs real commands chrooted into a busybox rootfs unpacked from the harness image (needs root). */
class ChrootRunnerIT {
  private static final String BUSYBOX_PATH = BaseImages.BUSYBOX_PATH;

  private static Path workspace;
  private static Path rootfs;
  private static Path hostResolv;
  private static Path hostHosts;

  private ChrootRunner runner;
  private final List<String> output = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void unpackBusybox() throws IOException {
    assumeThat(HostPlatform.isRoot()).as("chroot and mount namespaces need root").isTrue();
    workspace = TempDirs.create("kaniko-chroot-it-");
    rootfs = new Umoci().unpackRootfs(BaseImages.ociLayout(), "busybox", workspace.resolve("rootfs"));
    hostResolv = Files.writeString(workspace.resolve("resolv.conf"), "nameserver 192.0.2.53\n");
    hostHosts = Files.writeString(workspace.resolve("hosts"), "192.0.2.7 kaniko-test-host\n");
  }

  @AfterAll
  static void deleteRootfs() {
    if (workspace != null) {
      TempDirs.deleteRecursively(workspace);
    }
  }

  @BeforeEach
  void newRunner() {
    runner = new ChrootRunner(rootfs, HostTools.forHost(), ProcessFactory.DEFAULT, hostResolv, hostHosts);
  }

  @Test
  void run_shellForm_echoesThroughBinSh() throws Exception {
    RunResult result = runner.run(RunCommand.shell("echo hello from $0").build(), output::add);

    assertThat(result.exitCode()).isZero();
    assertThat(output).containsExactly("hello from /bin/sh");
  }

  @Test
  void run_execForm_passesArgvAsIs() throws Exception {
    runner.run(RunCommand.exec(List.of("/bin/echo", "a  b", "$HOME")).build(), output::add);

    assertThat(output).containsExactly("a  b $HOME");
  }

  @Test
  void run_env_isExactlyStageEnvPlusDefaults_noHostLeak() throws Exception {
    RunCommand command = RunCommand.exec(List.of("env")).env(List.of("FOO=bar", "EMPTY=")).build();

    runner.run(command, output::add);

    assertThat(output).containsExactlyInAnyOrder("FOO=bar", "EMPTY=", "PATH=" + BUSYBOX_PATH, "HOME=/root");
  }

  @Test
  void run_buildArgs_visibleAndOverriddenByEnv() throws Exception {
    RunCommand command = RunCommand.shell("echo \"$VERSION $MODE\"")
        .buildArgs(Map.of("VERSION", "1.2", "MODE", "from-arg"))
        .env(List.of("MODE=from-env"))
        .build();

    runner.run(command, output::add);

    assertThat(output).containsExactly("1.2 from-env");
  }

  @Test
  void run_stagePath_replacesDefault() throws Exception {
    runner.run(RunCommand.exec(List.of("env")).env(List.of("PATH=/usr/bin")).build(), output::add);

    assertThat(output).contains("PATH=/usr/bin").doesNotContain("PATH=" + BUSYBOX_PATH);
  }

  @Test
  void run_workdir_isCreatedAndUsed() throws Exception {
    runner.run(RunCommand.shell("pwd; touch here").workdir("/srv/app/sub").build(), output::add);

    assertThat(output).containsExactly("/srv/app/sub");
    assertThat(rootfs.resolve("srv/app/sub/here")).isRegularFile();
  }

  @Test
  void run_userByName_usesPasswdAndGroup() throws Exception {
    runner.run(RunCommand.shell("id; echo $HOME").user("app").build(), output::add);

    assertThat(output).containsExactly("uid=1000(app) gid=1000(app) groups=1000(app)", "/home/app");
  }

  @Test
  void run_userByUid_takesGidFromPasswd() throws Exception {
    runner.run(RunCommand.exec(List.of("id")).user("65534").build(), output::add);

    assertThat(output).containsExactly("uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)");
  }

  @Test
  void run_userUidGid_usesBoth() throws Exception {
    runner.run(RunCommand.exec(List.of("id")).user("1000:65534").build(), output::add);

    assertThat(output).containsExactly("uid=1000(app) gid=65534(nobody) groups=65534(nobody)");
  }

  @Test
  void run_numericUidWithoutPasswdEntry_runsWithGidZero() throws Exception {
    runner.run(RunCommand.shell("id; echo $HOME").user("4242").build(), output::add);

    assertThat(output).containsExactly("uid=4242 gid=0(root) groups=0(root)", "/");
  }

  @Test
  void run_supplementaryGroups_fromGroupFile() throws Exception {
    Path group = rootfs.resolve("etc/group");
    String original = Files.readString(group);
    try {
      Files.writeString(group, original + "staff:x:50:root,app\n");
      runner.run(RunCommand.exec(List.of("id")).user("app").build(), output::add);
    } finally {
      Files.writeString(group, original);
    }

    assertThat(output).containsExactly("uid=1000(app) gid=1000(app) groups=50(staff),1000(app)"); // the kernel sorts them
  }

  @Test
  void run_defaultUser_isRoot() throws Exception {
    runner.run(RunCommand.exec(List.of("id")).build(), output::add);

    assertThat(output).containsExactly("uid=0(root) gid=0(root) groups=0(root)");
  }

  @Test
  void run_missingUser_failsClearlyWithLine() {
    RunCommand command = RunCommand.shell("id").user("ghost").line(4).build();

    assertThatThrownBy(() -> runner.run(command, output::add))
        .isInstanceOf(RunSetupException.class)
        .hasMessage("Dockerfile:4: unable to find user ghost: no matching entries in passwd file");
  }

  @Test
  void run_nonZeroExit_failsWithCodeAndLine() {
    RunCommand command = RunCommand.shell("echo before; exit 3").line(7).build();

    assertThatThrownBy(() -> runner.run(command, output::add))
        .isInstanceOfSatisfying(RunFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(3);
          assertThat(e.line()).isEqualTo(7);
        })
        .hasMessage("Dockerfile:7: RUN echo before; exit 3 returned a non-zero code: 3");
    assertThat(output).containsExactly("before");
  }

  @Test
  void run_missingExecutable_failsWithShellCode() {
    RunCommand command = RunCommand.exec(List.of("/no/such/tool")).line(2).build();

    assertThatThrownBy(() -> runner.run(command, output::add))
        .isInstanceOf(RunFailedException.class)
        .hasMessageStartingWith("Dockerfile:2: RUN [\"/no/such/tool\"] returned a non-zero code: ");
  }

  @Test
  void run_output_isStreamedBeforeTheCommandEnds() throws Exception {
    CountDownLatch firstLine = new CountDownLatch(1);
    RunCommand command = RunCommand.shell("echo first; sleep 3; echo second").build();

    CompletableFuture<RunResult> done = CompletableFuture.supplyAsync(() -> {
      try {
        return runner.run(command, line -> {
          output.add(line);
          firstLine.countDown();
        });
      } catch (RunException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(firstLine.await(2500, TimeUnit.MILLISECONDS)).as("first line seen early").isTrue();
    assertThat(done).isNotDone();
    assertThat(output).containsExactly("first");
    done.get(20, TimeUnit.SECONDS);
    assertThat(output).containsExactly("first", "second");
  }

  @Test
  void run_procDevSys_availableInside_andGoneAfterwards() throws Exception {
    assertThat(rootfs.resolve("proc")).doesNotExist();

    runner.run(RunCommand.shell(
        "ls /proc/self/ >/dev/null && echo proc-ok; echo x > /dev/null && echo dev-ok; "
            + "test -d /sys/kernel && echo sys-ok; touch /sys/x 2>/dev/null || echo sys-ro").build(), output::add);

    assertThat(output).containsExactly("proc-ok", "dev-ok", "sys-ok", "sys-ro");
    assertThat(rootfs.resolve("proc")).doesNotExist();
    assertThat(rootfs.resolve("dev")).doesNotExist();
    assertThat(rootfs.resolve("sys")).doesNotExist();
  }

  @Test
  void run_leavesNoMountBehindOnTheHost() throws Exception {
    runner.run(RunCommand.shell("cat /etc/hosts >/dev/null; ls /proc >/dev/null").build(), output::add);

    String root = rootfs.toRealPath().toString();
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
      assertThat(lines.filter(l -> l.contains(root))).isEmpty();
    }
  }

  @Test
  void run_resolvConfAndHosts_providedDuring_andAbsentAfterwards() throws Exception {
    Path etc = rootfs.resolve("etc");
    FileTime etcTime = Files.getLastModifiedTime(etc);

    runner.run(RunCommand.shell("cat /etc/resolv.conf /etc/hosts; echo changed > /etc/resolv.conf").build(),
        output::add);

    assertThat(output).containsExactly("nameserver 192.0.2.53", "192.0.2.7 kaniko-test-host");
    assertThat(etc.resolve("resolv.conf")).doesNotExist();
    assertThat(etc.resolve("hosts")).doesNotExist();
    assertThat(Files.getLastModifiedTime(etc)).isEqualTo(etcTime);
    assertThat(hostResolv).hasContent("nameserver 192.0.2.53");
  }

  @Test
  void run_existingHostsFile_isShadowedDuring_andUnchangedAfterwards() throws Exception {
    Path hosts = rootfs.resolve("etc/hosts");
    Files.writeString(hosts, "127.0.0.1 image-own\n");
    try {
      runner.run(RunCommand.shell("cat /etc/hosts").build(), output::add);

      assertThat(output).containsExactly("192.0.2.7 kaniko-test-host");
      assertThat(hosts).hasContent("127.0.0.1 image-own");
    } finally {
      Files.delete(hosts);
    }
  }

  @Test
  void run_backgroundProcess_dieWithTheCommand() throws Exception {
    long start = System.nanoTime();

    runner.run(RunCommand.shell("sleep 60 & echo started").build(), output::add);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(output).containsExactly("started");
  }

  @Test
  void run_heredocOnly_isTheShellScript() throws Exception {
    RunCommand command = RunCommand.shell("<<EOF")
        .heredoc(new Heredoc("EOF", "echo one\necho \"two $0\"\n", false))
        .build();

    runner.run(command, output::add);

    assertThat(output).containsExactly("one", "two /bin/sh");
  }

  @Test
  void run_heredocWithShebang_runsAsFile_andRemovesIt() throws Exception {
    RunCommand command = RunCommand.shell("<<EOT")
        .heredoc(new Heredoc("EOT", "#!/bin/sh\necho \"script $0\"\n", false))
        .build();

    runner.run(command, output::add);

    assertThat(output).hasSize(1);
    assertThat(output.get(0)).matches("script /\\.kaniko-run-[0-9a-f]{8}/EOT");
    try (Stream<Path> top = Files.list(rootfs)) {
      assertThat(top.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".kaniko-run-"));
    }
  }

  @Test
  void run_chompedHeredocOnly_stripsLeadingTabs() throws Exception {
    RunCommand command = RunCommand.shell("<<-EOF")
        .heredoc(new Heredoc("EOF", "\techo tabbed\n\t\techo twice\n", true))
        .build();

    runner.run(command, output::add);

    assertThat(output).containsExactly("tabbed", "twice");
  }

  @Test
  void run_commandWithHeredocs_feedsThemThroughTheShell() throws Exception {
    RunCommand command = RunCommand.shell("cat <<-A && cat <<'B'")
        .heredoc(new Heredoc("A", "\tfirst\n", true))
        .heredoc(new Heredoc("B", "second $HOME\n", false))
        .build();

    runner.run(command, output::add);

    assertThat(output).containsExactly("first", "second $HOME");
  }

  @Test
  void run_shellOverride_isUsedForShellForm() throws Exception {
    RunCommand strict = RunCommand.shell("false; echo reached").withShell(List.of("/bin/sh", "-ec")).line(9).build();

    assertThatThrownBy(() -> runner.run(strict, output::add))
        .isInstanceOf(RunFailedException.class)
        .hasMessage("Dockerfile:9: RUN false; echo reached returned a non-zero code: 1");
    assertThat(output).isEmpty();

    runner.run(RunCommand.shell("false; echo reached").build(), output::add);
    assertThat(output).containsExactly("reached");
  }

  @Test
  void run_cannotSeeHostFiles() throws Exception {
    Path marker = workspace.resolve("outside-marker");
    Files.writeString(marker, "host");

    runner.run(RunCommand.shell("test -e " + marker + " && echo visible || echo hidden").build(), output::add);

    assertThat(output).containsExactly("hidden");
  }
  @Test
  void run_leavesRootDirectoryTimeUnchanged() throws Exception {
    FileTime before = Files.getLastModifiedTime(rootfs);

    runner.run(RunCommand.shell("<<EOF").heredoc(new Heredoc("EOF", "#!/bin/sh\necho ok\n", false)).build(),
        output::add);

    assertThat(output).containsExactly("ok");
    assertThat(Files.getLastModifiedTime(rootfs)).isEqualTo(before);
  }

  @Test
  void run_symlinkedResolvConf_isMountedOnTheTargetInsideTheRoot() throws Exception {
    Path link = rootfs.resolve("etc/resolv.conf");
    Files.createSymbolicLink(link, Path.of("../run/systemd/resolve/stub-resolv.conf"));
    try {
      runner.run(RunCommand.shell("cat /etc/resolv.conf").build(), output::add);

      assertThat(output).containsExactly("nameserver 192.0.2.53");
      assertThat(link).isSymbolicLink();
      assertThat(rootfs.resolve("run")).doesNotExist();
    } finally {
      Files.delete(link);
    }
  }

  @Test
  void run_shebangHeredocAsNonRootUser_canExecuteTheScript() throws Exception {
    RunCommand command = RunCommand.shell("<<EOF").user("app")
        .heredoc(new Heredoc("EOF", "#!/bin/sh\nid -u\n", false))
        .build();

    runner.run(command, output::add);

    assertThat(output).containsExactly("1000");
  }

  @Test
  void run_failingNamespaceSetup_isASetupErrorNotACommandFailure() {
    ProcessFactory brokenMount = argv -> new ProcessBuilder(argv.stream()
        .map(a -> a.equals(ChrootRunner.SETUP_SCRIPT) ? "echo 'mount: permission denied' >&2; exit 32" : a)
        .toList());
    ChrootRunner broken = new ChrootRunner(rootfs, HostTools.forHost(), brokenMount, hostResolv, hostHosts);

    assertThatThrownBy(() -> broken.run(RunCommand.shell("true").line(3).build(), output::add))
        .isInstanceOf(RunSetupException.class)
        .hasMessage("Dockerfile:3: cannot set up the chroot for RUN (exit code 32): mount: permission denied");
  }

  @Test
  void run_procIsAFileInTheRootfs_failsClearly() throws Exception {
    Path proc = Files.writeString(rootfs.resolve("proc"), "not a dir");
    try {
      assertThatThrownBy(() -> runner.run(RunCommand.shell("true").line(2).build(), output::add))
          .isInstanceOf(RunSetupException.class)
          .hasMessage("Dockerfile:2: cannot prepare the rootfs for RUN: /proc exists in the rootfs and is not a directory");
    } finally {
      Files.delete(proc);
    }
  }
  @Test
  void run_devIsPrivate_writesThereNeverReachTheHost() throws Exception {
    runner.run(RunCommand.shell("touch /dev/kaniko-probe /dev/shm/kaniko-probe && ls /dev/kaniko-probe "
        + "&& head -c 4 /dev/urandom | wc -c && test -L /dev/fd && echo fd-ok").build(), output::add);

    assertThat(output).containsExactly("/dev/kaniko-probe", "4", "fd-ok");
    assertThat(Path.of("/dev/kaniko-probe")).doesNotExist();
    assertThat(Path.of("/dev/shm/kaniko-probe")).doesNotExist();
  }

  @Test
  void run_interrupted_killsTheCommandAndFails() throws Exception {
    String marker = "sleep 3" + System.nanoTime() % 1000;
    CountDownLatch started = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    RunCommand command = RunCommand.shell("echo started; " + marker).build();

    Thread interrupter = new Thread(() -> {
      try {
        started.await();
        caller.interrupt();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    interrupter.start();
    long begin = System.nanoTime();
    assertThatThrownBy(() -> runner.run(command, line -> started.countDown()))
        .isInstanceOf(RunException.class)
        .hasMessageContaining("was interrupted");
    Thread.interrupted();

    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    Thread.sleep(500);
    assertThat(ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains(marker))).isEmpty();
  }
  @Test
  void run_nonRootUser_canReadProvidedResolvConfAndHosts() throws Exception {
    runner.run(RunCommand.shell("cat /etc/resolv.conf /etc/hosts").user("app").build(), output::add);

    assertThat(output).containsExactly("nameserver 192.0.2.53", "192.0.2.7 kaniko-test-host");
  }

  @Test
  void run_rootfsGivenThroughASymlink_works() throws Exception {
    Path link = Files.createSymbolicLink(workspace.resolve("rootfs-link"), rootfs);
    try {
      ChrootRunner viaLink = new ChrootRunner(link, HostTools.forHost(), ProcessFactory.DEFAULT, hostResolv, hostHosts);
      viaLink.run(RunCommand.shell("pwd").workdir("/tmp").build(), output::add);

      assertThat(output).containsExactly("/tmp");
    } finally {
      Files.delete(link);
    }
  }
}
