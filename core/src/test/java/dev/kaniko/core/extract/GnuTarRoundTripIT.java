package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round trip against GNU tar: a tree with every kind of entry is archived by {@code tar}
 * (plain, gzip, zstd), extracted by {@link TarExtractor}, then compared with {@code tar -d} and
 * with a tree walk (types, modes, owners, times, sizes, contents, links, device numbers, xattrs).
 */
class GnuTarRoundTripIT {
  private static final String TREE_SCRIPT = String.join("\n",
      "set -e",
      "mkdir -p d/sub empty 'name with space' deep/" + "a".repeat(120) + "/" + "b".repeat(140),
      "echo hello > d/f",
      "head -c 3000000 /dev/urandom > d/big",
      "truncate -s 5000000 d/sparse && echo tail >> d/sparse && printf head | dd of=d/sparse conv=notrunc 2>/dev/null",
      ": > d/empty-file",
      "echo unicode > d/ünïcødé",
      "echo deep > deep/" + "a".repeat(120) + "/" + "b".repeat(140) + "/" + "c".repeat(200),
      "ln d/f d/hard",
      "ln -s f d/sym",
      "ln -s /abs/target/outside abs-link",
      "ln -s ../../" + "t".repeat(150) + " d/sub/long-link",
      "mkfifo d/fifo",
      "mknod d/null c 1 3",
      "mknod d/loop b 7 0",
      "chmod 4755 d/f",
      "chmod 2711 d/big",
      "chmod 1777 d/sub",
      "chmod 0700 empty",
      "chown 1234:5678 d/f",
      "chown -h 42:43 d/sym",
      "chown 3000000:3000001 d/big",
      "setfattr -n user.note -v 'some note' d/big",
      "setfattr -n security.capability -v 0x0100000280200000000000000000000000000000 d/f",
      "touch -d '2001-02-03 04:05:06.123456789' d/empty-file 'name with space'",
      "touch -h -d '1999-12-31 23:59:59' d/sym",
      "touch -d '2010-10-10 10:10:10' d/sub d");

  @TempDir Path base;
  private Path src;
  private Path dest;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")),
        "the tree holds device nodes and foreign owners: needs root");
    src = Files.createDirectory(base.resolve("src"));
    dest = Files.createDirectory(base.resolve("dest"));
    run(src, "sh", "-c", TREE_SCRIPT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--gzip", "--zstd"})
  void gnuTarArchive_extractsToAnIdenticalTree(String compression) throws IOException {
    Path archive = base.resolve("layer.tar");
    List<String> create = new ArrayList<>(List.of("tar", "--xattrs", "--xattrs-include=*",
        "--numeric-owner", "--sparse", "-C", src.toString(), "-cf", archive.toString()));
    if (!compression.isEmpty()) {
      create.add(3, compression);
    }
    create.addAll(topLevelNames(src));
    run(base, create.toArray(String[]::new));

    ExtractResult result;
    try (InputStream in = Files.newInputStream(archive)) {
      result = new TarExtractor(ExtractOptions.layer()).extract(in, dest);
    }

    assertThat(result.xattrsSkipped()).isZero();
    assertThat(result.hardlinks()).isEqualTo(1);
    assertThat(result.specialFiles()).isEqualTo(3);
    assertThat(run(base, "tar", "--xattrs", "--xattrs-include=*", "--numeric-owner", "-C",
        dest.toString(), "-df", archive.toString())).isEmpty();
    assertThat(describeTree(dest)).isEqualTo(describeTree(src));
    assertThat(xattrDump(dest)).isEqualTo(xattrDump(src)).contains("security.capability");
  }

  @org.junit.jupiter.api.Test
  void oldGnuFormat_withSparseExtensionHeadersAndLongNames_extractsIdentically()
      throws IOException {
    run(src, "sh", "-c", "for i in 1 2 3 4 5 6 7 8 9; do printf data$i | dd of=d/holes bs=1"
        + " seek=$((i * 100000)) conv=notrunc 2>/dev/null; done");
    Path archive = base.resolve("gnu.tar");
    List<String> create = new ArrayList<>(List.of("tar", "--format=gnu", "--sparse",
        "--numeric-owner", "-C", src.toString(), "-cf", archive.toString()));
    create.addAll(topLevelNames(src));
    run(base, create.toArray(String[]::new));

    try (InputStream in = Files.newInputStream(archive)) {
      new TarExtractor(ExtractOptions.layer()).extract(in, dest);
    }

    assertThat(run(base, "tar", "--numeric-owner", "-C", dest.toString(), "-df",
        archive.toString())).isEmpty();
    Map<String, String> expected = describeTree(src);
    Map<String, String> actual = describeTree(dest);
    // the gnu format keeps whole-second times only
    expected.replaceAll((k, v) -> v.replaceAll("\\.\\d+Z", "Z"));
    actual.replaceAll((k, v) -> v.replaceAll("\\.\\d+Z", "Z"));
    assertThat(actual).isEqualTo(expected);
  }

  private static List<String> topLevelNames(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, String> describeTree(Path dir) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (!path.equals(dir)) {
          tree.put(dir.relativize(path).toString(), describe(path));
        }
      }
    }
    return tree;
  }

  private static String describe(Path path) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
    String text = "mode=" + Integer.toOctalString((Integer) a.get("mode")) + " uid=" + a.get("uid")
        + " gid=" + a.get("gid") + " nlink=" + a.get("nlink") + " rdev=" + a.get("rdev")
        + " mtime=" + a.get("lastModifiedTime");
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      text += " size=" + a.get("size") + " sha256=" + Sandbox.sha256(Files.readAllBytes(path));
    } else if (Files.isSymbolicLink(path)) {
      text += " -> " + Files.readSymbolicLink(path);
    }
    return text;
  }

  private static String xattrDump(Path dir) throws IOException {
    return run(dir, "getfattr", "-R", "-h", "-d", "-m", "-", "-e", "hex", ".");
  }

  private static String run(Path dir, String... command) throws IOException {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int code = process.waitFor();
      assertThat(code).as("%s exited with %s: %s", List.of(command), code, out).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return out;
  }
}
