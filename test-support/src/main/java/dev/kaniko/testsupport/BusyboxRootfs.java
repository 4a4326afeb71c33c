package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Lays out a busybox root filesystem from the host's static busybox: the binary, its applets as hard links,
 * passwd/group with root, nobody and app (1000), /tmp (1777), /root and /home/app.
 */
final class BusyboxRootfs {

  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  static final String PASSWD = """
      root:x:0:0:root:/root:/bin/sh
      nobody:x:65534:65534:nobody:/nonexistent:/bin/false
      app:x:1000:1000:app:/home/app:/bin/sh
      """;

  static final String GROUP = """
      root:x:0:
      nobody:x:65534:
      app:x:1000:
      """;

  private final Path busybox;
  private final CommandRunner runner;

  BusyboxRootfs(Path busybox, CommandRunner runner) {
    this.busybox = busybox;
    this.runner = runner;
  }

  /** The host's static busybox: {@code /bin/busybox} from Debian's busybox-static. */
  static Path hostBusybox() {
    for (String candidate : List.of("/bin/busybox", "/usr/bin/busybox")) {
      Path path = Path.of(candidate);
      if (Files.isExecutable(path)) {
        return toRealPath(path);
      }
    }
    throw new IllegalStateException("no /bin/busybox: install busybox-static (scripts/install-test-deps.sh)");
  }

  void writeTo(Path root) {
    try {
      for (String dir : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "root", "home/app", "tmp")) {
        Files.createDirectories(root.resolve(dir));
      }
      Path binary = root.resolve("bin/busybox");
      Files.copy(busybox, binary, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
      linkApplets(root, binary);
      writeFile(root.resolve("etc/passwd"), PASSWD);
      writeFile(root.resolve("etc/group"), GROUP);
      setModes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out the busybox rootfs in " + root, e);
    }
  }

  private void linkApplets(Path root, Path binary) throws IOException {
    String list = runner.runChecked(List.of(busybox.toString(), "--list-full")).stdout();
    for (String applet : list.lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      Path link = root.resolve(applet).normalize();
      if (!link.startsWith(root) || link.equals(binary) || Files.exists(link)) {
        continue;
      }
      Files.createDirectories(link.getParent());
      Files.createLink(link, binary);
    }
  }

  private void setModes(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path dir : paths.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
    // the sticky bit is out of reach of java.nio: use chmod
    runner.runChecked(List.of("chmod", "1777", root.resolve("tmp").toString()));
    Path home = root.resolve("home/app");
    Files.setAttribute(home, "unix:uid", 1000);
    Files.setAttribute(home, "unix:gid", 1000);
  }

  private static void writeFile(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static Path toRealPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
