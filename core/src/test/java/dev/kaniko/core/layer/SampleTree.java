package dev.kaniko.core.layer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

/**
 * A root filesystem exercising every layer feature: dirs, setuid/setgid/sticky, symlink,
 * hardlink, fifo, char device, uid 1234 and a uid beyond ustar's octal range, a long and a
 * non-ASCII name, xattrs (user and security.capability) and a multi-block binary file.
 */
public final class SampleTree {
  public static final String LONG_DIR = "deep/" + "d".repeat(90) + "/" + "e".repeat(60);
  public static final String LONG_FILE = LONG_DIR + "/" + "f".repeat(120) + ".txt";
  public static final String UNICODE_FILE = "unicode/h\u00e9llo-w\u00f6rld-\u65e5\u672c.txt";
  /** VFS capability v2: cap_net_bind_service (bit 10) permitted+effective. */
  public static final byte[] CAPABILITY = {
      1, 0, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  public static final long BIG_UID = 3_000_000L;
  public static final FileTime MTIME = FileTime.fromMillis(1_700_000_000_000L);

  private SampleTree() {}

  public static Path create(Path root, int bigFileBytes) throws IOException, InterruptedException {
    Files.createDirectories(root);
    dir(root, "etc", "rwxr-xr-x");
    file(root, "etc/hosts", "127.0.0.1 localhost\n");
    dir(root, "bin", "rwxr-xr-x");
    file(root, "bin/tool", "#!/bin/sh\necho tool\n");
    Processes.run("chmod", "4755", root.resolve("bin/tool").toString());
    Files.createSymbolicLink(root.resolve("bin/link"), Path.of("tool"));
    Files.createLink(root.resolve("bin/hard"), root.resolve("bin/tool"));
    dir(root, "tmp", "rwxrwxrwx");
    Processes.run("chmod", "1777", root.resolve("tmp").toString());
    dir(root, "shared", "rwxrwxr-x");
    Processes.run("chmod", "2775", root.resolve("shared").toString());
    dir(root, "home/u", "rwx------");
    file(root, "home/u/owned", "mine\n");
    Processes.run("chown", "1234:5678", root.resolve("home/u/owned").toString());
    file(root, "home/u/big-uid", "far\n");
    Processes.run("chown", BIG_UID + ":" + BIG_UID, root.resolve("home/u/big-uid").toString());
    dir(root, LONG_DIR, "rwxr-xr-x");
    file(root, LONG_FILE, "long name\n");
    dir(root, "unicode", "rwxr-xr-x");
    file(root, UNICODE_FILE, "bonjour\n");
    dir(root, "run", "rwxr-xr-x");
    Processes.run("mkfifo", "-m", "0620", root.resolve("run/fifo").toString());
    dir(root, "dev", "rwxr-xr-x");
    Processes.run("mknod", "-m", "0666", root.resolve("dev/null").toString(), "c", "1", "3");
    Processes.run("mknod", "-m", "0660", root.resolve("dev/loop9").toString(), "b", "7", "9");
    dir(root, "empty", "rwxr-x---");
    dir(root, "data", "rwxr-xr-x");
    bigFile(root.resolve("data/big.bin"), bigFileBytes);
    Processes.run("setfattr", "-n", "user.note", "-v", "hello", root.resolve("etc/hosts").toString());
    Processes.run("setfattr", "-n", "security.capability", "-v", "0x" + hex(CAPABILITY),
        root.resolve("bin/tool").toString());
    fixTimes(root);
    return root;
  }

  private static void dir(Path root, String rel, String perms) throws IOException {
    Path d = Files.createDirectories(root.resolve(rel));
    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(perms));
  }

  private static void file(Path root, String rel, String content) throws IOException {
    Path f = root.resolve(rel);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
  }

  /** Half random (incompressible), half repetitive text, so gzip has real work. */
  static void bigFile(Path f, long bytes) throws IOException {
    Random random = new Random(42);
    byte[] chunk = new byte[64 * 1024];
    byte[] text = "the quick brown fox jumps over the lazy dog 0123456789\n"
        .repeat(1200).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(f)) {
      long left = bytes;
      boolean randomTurn = true;
      while (left > 0) {
        byte[] src = chunk;
        if (randomTurn) {
          random.nextBytes(chunk);
        } else {
          src = text;
        }
        int n = (int) Math.min(left, Math.min(src.length, chunk.length));
        out.write(src, 0, n);
        left -= n;
        randomTurn = !randomTurn;
      }
    }
  }

  private static void fixTimes(Path root) throws IOException, InterruptedException {
    Processes.run("find", root.toString(), "-exec", "touch", "-h", "-d", "@1700000000", "{}", "+");
  }

  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xff));
    }
    return s.toString();
  }

  static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }
}
