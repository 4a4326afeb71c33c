package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer semantics: whiteouts, opaque directories, links, nodes, ownership, modes, xattrs, times. */
class TarExtractorLayerTest {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  @TempDir Path base;
  private Sandbox sandbox;
  private Path root;

  @BeforeEach
  void setUp() throws IOException {
    sandbox = new Sandbox(base);
    root = sandbox.root;
  }

  private ExtractResult layer(TestTar tar) throws IOException {
    return sandbox.extract(ExtractOptions.layer(), tar.build());
  }

  private static Object attr(Path path, String name) throws IOException {
    return Files.getAttribute(path, "unix:" + name, NOFOLLOW);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Test
  void whiteouts_deleteLowerLayerEntries() throws IOException {
    layer(new TestTar().dir("a/").file("a/1", "one").file("a/2", "two").dir("b/")
        .file("b/x", "x").file("top", "t"));

    ExtractResult result = layer(new TestTar().file("a/.wh.1", "").file(".wh.b", "")
        .file(".wh.top", "").file(".wh.missing", "").file("a/.wh.nothing-here", ""));

    assertThat(Sandbox.fingerprintTree(root).keySet()).containsExactly("", "a", "a/2");
    assertThat(result.whiteouts()).isEqualTo(5);
    assertThat(result.files()).isZero();
  }

  @Test
  void opaque_emptiesLowerContentButKeepsThisLayersEntries() throws IOException {
    layer(new TestTar().dir("c/").file("c/old", "old").dir("c/sub/").file("c/sub/deep", "d")
        .dir("keep/").file("keep/k", "k"));

    ExtractResult result = layer(new TestTar().dir("c/").file("c/before", "b")
        .file("c/.wh..wh..opq", "").file("c/after", "a").dir("c/sub2/"));

    assertThat(Sandbox.fingerprintTree(root).keySet())
        .containsExactly("", "c", "c/after", "c/before", "c/sub2", "keep", "keep/k");
    assertThat(result.opaqueDirectories()).isEqualTo(1);
  }

  @Test
  void opaque_emptiesLowerContentOfDirectoriesThisLayerAlsoListed() throws IOException {
    layer(new TestTar().dir("c/").dir("c/sub/").file("c/sub/lower", "l"));

    layer(new TestTar().dir("c/").dir("c/sub/").file("c/sub/upper", "u")
        .file("c/.wh..wh..opq", ""));

    assertThat(Sandbox.fingerprintTree(root.resolve("c")).keySet())
        .containsExactly("", "sub", "sub/upper");
  }

  @Test
  void whiteout_doesNotRemoveAnEntryOfTheSameLayer() throws IOException {
    layer(new TestTar().file("f", "same layer").file(".wh.f", ""));

    assertThat(root.resolve("f")).hasContent("same layer");
  }

  @Test
  void context_treatsWhiteoutNamesAsOrdinaryFiles() throws IOException {
    Files.writeString(root.resolve("f"), "kept");
    sandbox.extract(ExtractOptions.context(),
        new TestTar().file(".wh.f", "").file(".wh..wh..opq", "").build());

    assertThat(root.resolve("f")).hasContent("kept");
    assertThat(root.resolve(".wh.f")).exists();
    assertThat(root.resolve(".wh..wh..opq")).exists();
  }

  @Test
  void hardlinks_shareTheInode() throws IOException {
    ExtractResult result = layer(new TestTar().dir("bin/").file("bin/busybox", "elf", 0755, e -> {})
        .hardlink("bin/sh", "bin/busybox").hardlink("/bin/ls", "/bin/busybox"));

    assertThat(attr(root.resolve("bin/sh"), "ino")).isEqualTo(attr(root.resolve("bin/busybox"), "ino"));
    assertThat(attr(root.resolve("bin/ls"), "nlink")).isEqualTo(3);
    assertThat(result.hardlinks()).isEqualTo(2);
  }

  @Test
  void devices_areCreatedAsRoot() throws IOException {
    assumeTrue(isRoot(), "mknod of device nodes needs root");
    ExtractResult result = layer(new TestTar().dir("dev/")
        .node("dev/null", TarConstants.LF_CHR, 0666, 1, 3)
        .node("dev/loop0", TarConstants.LF_BLK, 0660, 7, 0)
        .node("dev/big", TarConstants.LF_CHR, 0600, 300, 70000)
        .node("fifo", TarConstants.LF_FIFO, 0640, 0, 0));

    assertThat(attr(root.resolve("dev/null"), "mode")).isEqualTo(0020666);
    assertThat(attr(root.resolve("dev/null"), "rdev")).isEqualTo(LinuxCalls.makedev(1, 3));
    assertThat(attr(root.resolve("dev/loop0"), "mode")).isEqualTo(0060660);
    assertThat(attr(root.resolve("dev/loop0"), "rdev")).isEqualTo(LinuxCalls.makedev(7, 0));
    assertThat(attr(root.resolve("dev/big"), "rdev")).isEqualTo(LinuxCalls.makedev(300, 70000));
    assertThat(attr(root.resolve("fifo"), "mode")).isEqualTo(0010640);
    assertThat(Files.getLastModifiedTime(root.resolve("fifo"), NOFOLLOW).toMillis())
        .isEqualTo(TestTar.MTIME);
    assertThat(result.specialFiles()).isEqualTo(4);
  }

  @Test
  void modes_keepSetuidSetgidAndSticky() throws IOException {
    layer(new TestTar().file("suid", "x", 04755, e -> {}).file("sgid", "x", 02711, e -> {})
        .dir("tmp/", 01777, e -> {}).file("none", "x", 0, e -> {}));

    assertThat(attr(root.resolve("suid"), "mode")).isEqualTo(0104755);
    assertThat(attr(root.resolve("sgid"), "mode")).isEqualTo(0102711);
    assertThat(attr(root.resolve("tmp"), "mode")).isEqualTo(0041777);
    assertThat(attr(root.resolve("none"), "mode")).isEqualTo(0100000);
  }

  @Test
  void ownership_isAppliedNumericallyIncludingBigIdsAndSymlinks() throws IOException {
    assumeTrue(isRoot(), "chown to foreign ids needs root");
    layer(new TestTar()
        .file("owned", "x", 04755, e -> { e.setUserId(1234); e.setGroupId(5678); })
        .file("big", "x", 0644, e -> { e.setUserId(3_000_000); e.setGroupId(3_000_001); })
        .symlink("link", "owned", e -> { e.setUserId(42); e.setGroupId(43); })
        .dir("d/", 0750, e -> { e.setUserId(7); e.setGroupId(8); }));

    assertThat(attr(root.resolve("owned"), "uid")).isEqualTo(1234);
    assertThat(attr(root.resolve("owned"), "gid")).isEqualTo(5678);
    assertThat(attr(root.resolve("owned"), "mode")).isEqualTo(0104755);
    assertThat(attr(root.resolve("big"), "uid")).isEqualTo(3_000_000);
    assertThat(attr(root.resolve("big"), "gid")).isEqualTo(3_000_001);
    assertThat(attr(root.resolve("link"), "uid")).isEqualTo(42);
    assertThat(attr(root.resolve("owned"), "uid")).isEqualTo(1234);
    assertThat(attr(root.resolve("d"), "uid")).isEqualTo(7);
  }

  @Test
  void context_doesNotApplyOwnershipUnlessAsked() throws IOException {
    byte[] tar = new TestTar().file("f", "x", 0640, e -> { e.setUserId(1234); e.setGroupId(5); })
        .build();
    int me = (Integer) attr(root, "uid");

    sandbox.extract(ExtractOptions.context(), tar);
    assertThat(attr(root.resolve("f"), "uid")).isEqualTo(me);
    assertThat(attr(root.resolve("f"), "mode")).isEqualTo(0100640);

    assumeTrue(isRoot(), "chown to foreign ids needs root");
    sandbox.extract(ExtractOptions.builder(ExtractMode.CONTEXT).applyOwnership(true).build(), tar);
    assertThat(attr(root.resolve("f"), "uid")).isEqualTo(1234);
  }

  @Test
  void xattrs_userAndSecurityCapabilityAreApplied() throws IOException {
    assumeTrue(isRoot(), "security.* xattrs need root");
    String capability = new String(HexFormat.of()
        .parseHex("0100000200200000000000000000000000000000"), StandardCharsets.UTF_8);
    ExtractResult result = layer(new TestTar().file("ping", "elf", 0755, e -> {
      e.addPaxHeader("SCHILY.xattr.security.capability", capability);
      e.addPaxHeader("SCHILY.xattr.user.note", "hello");
    }).file("bsd", "x", 0644,
        e -> e.addPaxHeader("LIBARCHIVE.xattr.user.b%20x", "AAEC/w==")));

    assertThat(userXattr(root.resolve("ping"), "note")).isEqualTo("hello".getBytes());
    assertThat(userXattr(root.resolve("bsd"), "b x")).containsExactly(0, 1, 2, 0xff);
    assertThat(getfattrHex(root.resolve("ping"), "security.capability"))
        .isEqualTo("0x0100000200200000000000000000000000000000");
    assertThat(result.xattrsSkipped()).isZero();
  }

  @Test
  void xattrs_refusedOnSymlinkAreCountedNotFatal() throws IOException {
    ExtractResult result = layer(new TestTar().symlink("l", "t",
        e -> e.addPaxHeader("SCHILY.xattr.user.x", "y")));

    assertThat(root.resolve("l")).isSymbolicLink();
    assertThat(result.xattrsSkipped()).isEqualTo(1);
  }

  @Test
  void xattrs_binaryCapabilityIsAppliedByteForByte() throws IOException {
    assumeTrue(isRoot(), "security.* xattrs need root");
    // cap_setuid,cap_net_raw+ep: byte 4 is 0x80, not valid UTF-8 on its own
    byte[] capability = HexFormat.of().parseHex("0100000280200000000000000000000000000000");
    String placeholder = "@".repeat(capability.length);
    byte[] tar = new TestTar().file("f", "elf", 0755,
        e -> e.addPaxHeader("SCHILY.xattr.security.capability", placeholder)).build();
    TarBytes.replace(tar, placeholder.getBytes(StandardCharsets.US_ASCII), capability);

    ExtractResult result = sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(getfattrHex(root.resolve("f"), "security.capability"))
        .isEqualTo("0x0100000280200000000000000000000000000000");
    assertThat(result.xattrsSkipped()).isZero();
  }

  private static byte[] userXattr(Path path, String name) throws IOException {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(path, UserDefinedFileAttributeView.class, NOFOLLOW);
    ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
    view.read(name, buffer);
    return buffer.array();
  }

  private static String getfattrHex(Path path, String name) throws IOException {
    try {
      Process process = new ProcessBuilder("getfattr", "--absolute-names", "--only-values", "-n", name,
          path.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      byte[] raw = process.getInputStream().readAllBytes();
      assertThat(process.waitFor()).as("getfattr exit code").isZero();
      return "0x" + HexFormat.of().formatHex(raw);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Test
  void longPaxNamesAndLinkTargetsSurvive() throws IOException {
    String dir = "d".repeat(120) + "/" + "e".repeat(150) + "/";
    String file = dir + "f".repeat(200) + "-ü";
    String target = "../" + "t".repeat(180);
    layer(new TestTar().dir("d".repeat(120) + "/").dir(dir).file(file, "long")
        .symlink(dir + "link", target).hardlink("hl", file));

    assertThat(root.resolve(file)).hasContent("long");
    assertThat(Files.readSymbolicLink(root.resolve(dir + "link"))).isEqualTo(Path.of(target));
    assertThat(root.resolve("hl")).hasContent("long");
  }

  @Test
  void replacement_followsDockerRules() throws IOException {
    layer(new TestTar().dir("x/").file("x/child", "c").file("y", "file").dir("z/", 0700, e -> {})
        .file("z/lower", "l").symlink("s", "somewhere"));

    layer(new TestTar().file("x", "now a file").dir("y/").file("y/in", "i")
        .dir("z/", 0755, e -> {}).file("z/upper", "u").dir("s/"));

    assertThat(root.resolve("x")).hasContent("now a file");
    assertThat(root.resolve("y/in")).hasContent("i");
    assertThat(Sandbox.fingerprintTree(root.resolve("z")).keySet())
        .containsExactly("", "lower", "upper");
    assertThat(attr(root.resolve("z"), "mode")).isEqualTo(0040755);
    assertThat(Files.isDirectory(root.resolve("s"), NOFOLLOW)).isTrue();

    layer(new TestTar().symlink("y", "x").symlink("z", "/x"));
    assertThat(root.resolve("y")).isSymbolicLink();
    assertThat(root.resolve("z")).isSymbolicLink();
  }

  @Test
  void mtimes_ofFilesDirectoriesAndSymlinksAreKept() throws IOException {
    long dirTime = 1_500_000_000_000L;
    layer(new TestTar().dir("d/", 0755, e -> e.setModTime(dirTime))
        .file("d/f", "x", 0644, e -> e.setLastModifiedTime(FileTime.fromMillis(1_234_567_000L)))
        .symlink("d/l", "f", e -> e.setModTime(1_000_000_000L)).dir("d/sub/")
        .file("d/sub/g", "g"));

    assertThat(Files.getLastModifiedTime(root.resolve("d"), NOFOLLOW).toMillis()).isEqualTo(dirTime);
    assertThat(Files.getLastModifiedTime(root.resolve("d/f"), NOFOLLOW).toMillis())
        .isEqualTo(1_234_567_000L);
    assertThat(Files.getLastModifiedTime(root.resolve("d/l"), NOFOLLOW).toMillis())
        .isEqualTo(1_000_000_000L);
    assertThat(Files.getLastModifiedTime(root.resolve("d/sub"), NOFOLLOW).toMillis())
        .isEqualTo(TestTar.MTIME);
  }

  @Test
  void missingParents_areCreatedWithMode0755() throws IOException {
    layer(new TestTar().file("a/b/c", "deep"));

    assertThat(root.resolve("a/b/c")).hasContent("deep");
    assertThat(attr(root.resolve("a"), "mode")).isEqualTo(0040755);
    assertThat(attr(root.resolve("a/b"), "mode")).isEqualTo(0040755);
  }

  @Test
  void ignoredPaths_areNeitherWrittenNorDeleted() throws IOException {
    Files.createDirectories(root.resolve("proc/1"));
    Files.writeString(root.resolve("proc/1/status"), "host");
    Files.createDirectories(root.resolve("kaniko"));
    Files.writeString(root.resolve("kaniko/executor"), "me");
    ExtractOptions options = ExtractOptions.builder(ExtractMode.LAYER)
        .ignore(IgnoredPaths.under("/proc", "/kaniko")).build();

    ExtractResult result = sandbox.extract(options, new TestTar().file("proc/1/status", "image")
        .file("/kaniko/executor", "evil").file(".wh.kaniko", "").file("proc/.wh..wh..opq", "")
        .symlink("k", "/kaniko").file("k/executor", "evil via link").file("kept", "k").build());

    assertThat(root.resolve("proc/1/status")).hasContent("host");
    assertThat(root.resolve("kaniko/executor")).hasContent("me");
    assertThat(root.resolve("kept")).hasContent("k");
    assertThat(result.ignored()).isEqualTo(5);
  }

  @Test
  void replacingADirectoryHoldingIgnoredPaths_failsLoudly() throws IOException {
    Files.createDirectories(root.resolve("var/run/secrets"));
    ExtractOptions options = ExtractOptions.builder(ExtractMode.LAYER)
        .ignore(IgnoredPaths.under("/var/run/secrets")).build();

    assertThatThrownBy(() -> sandbox.extract(options, new TestTar().symlink("var/run", "/run")
        .build()))
        .hasMessage("tar entry \"var/run\": cannot replace /var/run: it holds ignored paths");
    assertThat(root.resolve("var/run/secrets")).isDirectory();
  }
}
