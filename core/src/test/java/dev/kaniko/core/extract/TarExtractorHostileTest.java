package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile tars: each is refused (or contained inside the root where the rule is to normalise),
 * and after each test the sentinel tree outside the root and the host's /etc/shadow are unchanged.
 */
class TarExtractorHostileTest {
  @TempDir Path base;
  private Sandbox sandbox;
  private Map<String, String> before;

  @BeforeEach
  void setUp() throws IOException {
    sandbox = new Sandbox(base);
    before = sandbox.outsideFingerprint();
  }

  @AfterEach
  void nothingOutsideTheRootChanged() throws IOException {
    assertThat(sandbox.outsideFingerprint()).isEqualTo(before);
    assertThat(Path.of("/etc/passwd-x")).doesNotExist();
    assertThat(base.resolve("x")).doesNotExist();
  }

  private static ExtractOptions options(ExtractMode mode) {
    return ExtractOptions.builder(mode).build();
  }

  @ParameterizedTest
  @EnumSource(ExtractMode.class)
  void extract_rejectsDotDotEntry(ExtractMode mode) {
    byte[] tar = new TestTar().file("ok", "fine").file("../x", "escaped").build();

    assertThatThrownBy(() -> sandbox.extract(options(mode), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("tar entry \"../x\": path \"../x\" climbs above the root");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/../../x", "./a/./../../x", "/../x", "a/b/../../../x"})
  void extract_rejectsNamesClimbingAboveTheRoot(String name) {
    byte[] tar = new TestTar().dir("a/").file(name, "escaped").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("climbs above the root");
  }

  @Test
  void extract_rejectsLongPaxNameClimbingAboveTheRoot() {
    String name = "a/".repeat(60) + "../".repeat(61) + "x";
    byte[] tar = new TestTar().file(name, "escaped").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("climbs above the root");
  }

  @Test
  void extract_rejectsLongHardlinkTargetClimbingAboveTheRoot() {
    String target = "a/".repeat(60) + "../".repeat(61) + "outside/sentinel";
    byte[] tar = new TestTar().hardlink("h", target).build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .hasMessageContaining("climbs above the root");
  }

  @Test
  void extract_normalisesDotDotThatStaysInside() throws IOException {
    byte[] tar = new TestTar().dir("a/").file("a/../b", "inside").build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("b")).hasContent("inside");
  }

  @ParameterizedTest
  @EnumSource(ExtractMode.class)
  void extract_rejectsWriteThroughSelfReferencingAbsoluteSymlink(ExtractMode mode) {
    // inside the root "/etc" is <root>/etc, the link itself: a loop, as in a chroot
    byte[] tar = new TestTar().symlink("etc", "/etc").file("etc/passwd-x", "pwned").build();

    assertThatThrownBy(() -> sandbox.extract(options(mode), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("tar entry \"etc/passwd-x\": too many levels of symbolic links at /etc");
    assertThat(sandbox.root.resolve("etc")).isSymbolicLink();
  }

  @ParameterizedTest
  @EnumSource(ExtractMode.class)
  void extract_containsWriteThroughAbsoluteSymlinkToHostEtc(ExtractMode mode) throws IOException {
    byte[] tar = new TestTar().symlink("x", "/etc").file("x/passwd-x", "pwned").build();

    sandbox.extract(options(mode), tar);

    assertThat(Files.readSymbolicLink(sandbox.root.resolve("x"))).isEqualTo(Path.of("/etc"));
    assertThat(Files.isDirectory(sandbox.root.resolve("etc"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(sandbox.root.resolve("etc/passwd-x")).hasContent("pwned");
  }

  @Test
  void extract_containsWriteThroughAbsoluteSymlinkIntoExistingDirectory() throws IOException {
    byte[] tar = new TestTar().dir("usr/").dir("usr/lib/").symlink("lib", "/usr/lib")
        .file("lib/libx.so", "elf").build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("usr/lib/libx.so")).hasContent("elf");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../..", "../outside", "../../outside/dir", "a/../../outside"})
  void extract_rejectsWriteThroughRelativeSymlinkClimbingOut(String target) {
    byte[] tar = new TestTar().symlink("l", target).file("l/sentinel", "pwned").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("tar entry \"l/sentinel\": a symlink on its path climbs above");
  }

  @Test
  void extract_rejectsWriteThroughNestedSymlinksClimbingOut() {
    byte[] tar = new TestTar().dir("a/").dir("a/b/").symlink("a/b/up", "../..")
        .symlink("a/esc", "b/up/..").file("a/esc/x", "pwned").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("a/esc/x")
        .hasMessageContaining("climbs above the root");
  }

  @Test
  void extract_keepsSymlinkClimbingOutAsItIsWhenNothingIsWrittenThroughIt() throws IOException {
    byte[] tar = new TestTar().symlink("l", "../outside/sentinel").build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(Files.readSymbolicLink(sandbox.root.resolve("l")))
        .isEqualTo(Path.of("../outside/sentinel"));
  }

  @Test
  void extract_rejectsHardlinkToHostShadow() {
    byte[] tar = new TestTar().hardlink("stolen", "/etc/shadow").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("tar entry \"stolen\": hardlink target \"/etc/shadow\" does not exist");
    assertThat(sandbox.root.resolve("stolen")).doesNotExist();
  }

  @Test
  void extract_linksToTheRootsOwnShadowNotTheHosts() throws IOException {
    byte[] tar = new TestTar().dir("etc/").file("etc/shadow", "root:*:")
        .hardlink("stolen", "/etc/shadow").build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("stolen")).hasContent("root:*:");
    assertThat(Files.isSameFile(sandbox.root.resolve("stolen"), sandbox.root.resolve("etc/shadow")))
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(ExtractMode.class)
  void extract_rejectsHardlinkClimbingOut(ExtractMode mode) {
    byte[] tar = new TestTar().hardlink("h", "../outside/sentinel").build();

    assertThatThrownBy(() -> sandbox.extract(options(mode), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("tar entry \"h\": hardlink target \"../outside/sentinel\" climbs above the root");
  }

  @Test
  void extract_rejectsHardlinkThroughSymlinkedParentPointingOut() {
    byte[] tar = new TestTar().symlink("p", "../outside").hardlink("h", "p/sentinel").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessageStartingWith("tar entry \"h\": a symlink on its path climbs above the root");
  }

  @Test
  void extract_rejectsHardlinkThroughAbsoluteSymlinkToHostEtc() {
    byte[] tar = new TestTar().symlink("e", "/etc").hardlink("h", "e/shadow").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("tar entry \"h\": hardlink target \"e/shadow\" does not exist");
  }

  @Test
  void extract_hardlinksToASymlinkItselfNotItsTarget() throws IOException {
    byte[] tar = new TestTar().symlink("s", "../outside/sentinel").hardlink("h", "s").build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("h")).isSymbolicLink();
    assertThat(inode(sandbox.root.resolve("h"))).isEqualTo(inode(sandbox.root.resolve("s")));
    assertThat(Files.readAttributes(sandbox.root.resolve("h"), "unix:nlink",
        LinkOption.NOFOLLOW_LINKS).get("nlink")).isEqualTo(2);
  }

  private static Object inode(Path path) throws IOException {
    return Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void extract_rejectsHardlinkToADirectory() {
    byte[] tar = new TestTar().dir("d/").hardlink("h", "d").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .hasMessage("tar entry \"h\": hardlink target \"d\" is a directory");
  }

  @ParameterizedTest
  @ValueSource(strings = {".wh..", "/.wh..", "./.wh..", ".wh.", "/.wh.", "a/.wh..", "a/.wh."})
  void extract_rejectsWhiteoutOfRootOrParent(String name) {
    byte[] tar = new TestTar().dir("a/").file(name, "").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("\"" + name + "\"")
        .hasMessageContaining("whiteout of");
  }

  @ParameterizedTest
  @ValueSource(strings = {".wh..wh..opq", "/.wh..wh..opq", "./.wh..wh..opq"})
  void extract_rejectsOpaqueRoot(String name) throws IOException {
    Files.writeString(sandbox.root.resolve("lower"), "kept");
    byte[] tar = new TestTar().file(name, "").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .hasMessage("tar entry \"" + name + "\": an opaque marker on the root is not allowed");
    assertThat(sandbox.root.resolve("lower")).hasContent("kept");
  }

  @Test
  void extract_rejectsOpaqueRootReachedThroughSymlink() throws IOException {
    Files.writeString(sandbox.root.resolve("lower"), "kept");
    byte[] tar = new TestTar().symlink("r", "/").file("r/.wh..wh..opq", "").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .hasMessageContaining("opaque marker on the root");
    assertThat(sandbox.root.resolve("lower")).hasContent("kept");
  }

  @Test
  void extract_whiteoutThroughSymlinkOutDeletesNothingOutside() {
    byte[] tar = new TestTar().symlink("o", "../outside").file("o/.wh.sentinel", "").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .hasMessageContaining("climbs above the root");
  }

  @Test
  void extract_whiteoutOfSymlinkRemovesTheLinkNotItsTarget() throws IOException {
    Files.createSymbolicLink(sandbox.root.resolve("o"), Path.of("../outside"));
    Files.createSymbolicLink(sandbox.root.resolve("abs"), sandbox.outside);
    byte[] tar = new TestTar().file(".wh.o", "").file(".wh.abs", "").build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("o")).doesNotExist();
    assertThat(Files.exists(sandbox.root.resolve("abs"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ExtractMode.class)
  void extract_replacesSymlinkWithFileInsteadOfWritingThroughIt(ExtractMode mode)
      throws IOException {
    byte[] tar = new TestTar().symlink("x", "../outside/sentinel").file("x", "replaced").build();

    sandbox.extract(options(mode), tar);

    assertThat(Files.isRegularFile(sandbox.root.resolve("x"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(sandbox.root.resolve("x")).hasContent("replaced");
  }

  @Test
  void extract_replacesSymlinkWithDirectoryThenWritesInsideTheRoot() throws IOException {
    byte[] tar = new TestTar().symlink("d", "../outside").dir("d/").file("d/sentinel", "mine")
        .build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(Files.isDirectory(sandbox.root.resolve("d"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(sandbox.root.resolve("d/sentinel")).hasContent("mine");
  }

  @Test
  void extract_replacesAbsoluteSymlinkToHostFileWithFile() throws IOException {
    byte[] tar = new TestTar().symlink("shadow", "/etc/shadow").file("shadow", "mine").build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("shadow")).hasContent("mine");
  }

  @Test
  void extract_replacesHardlinkInsteadOfWritingThroughIt() throws IOException {
    byte[] tar = new TestTar().file("orig", "original").hardlink("h", "orig").file("h", "new")
        .build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("orig")).hasContent("original");
    assertThat(sandbox.root.resolve("h")).hasContent("new");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../outside", "/"})
  void extract_neverAppliesDeferredDirectoryMetadataThroughALaterSymlink(String target)
      throws IOException {
    // "a/dir" gets its mode and times at the end; by then "a" is a symlink leading outside
    byte[] tar = new TestTar().dir("a/").dir("a/dir/", 0777, e -> e.setModTime(0L))
        .symlink("a", target).build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(sandbox.root.resolve("a")).isSymbolicLink();
  }

  @Test
  void extract_neverAppliesDeferredDirectoryMetadataThroughALaterAbsoluteHostSymlink()
      throws IOException {
    byte[] tar = new TestTar().dir("a/").dir("a/dir/", 0777, e -> e.setModTime(0L))
        .symlink("a", sandbox.outside.toString()).build();

    sandbox.extract(ExtractOptions.layer(), tar);

    assertThat(Files.readSymbolicLink(sandbox.root.resolve("a"))).isEqualTo(sandbox.outside);
  }

  @Test
  void extract_rejectsSymlinkLoop() {
    byte[] tar = new TestTar().symlink("a", "b").symlink("b", "a").file("a/x", "loop").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .hasMessageStartingWith("tar entry \"a/x\": too many levels of symbolic links");
  }

  @Test
  void extract_rejectsFileAsParentDirectory() {
    byte[] tar = new TestTar().file("f", "plain").file("f/x", "child").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .hasMessage("tar entry \"f/x\": \"/f\" is not a directory");
  }

  @ParameterizedTest
  @EnumSource(ExtractMode.class)
  void extract_takesAbsoluteNamesRelativeToTheRoot(ExtractMode mode) throws IOException {
    byte[] tar = new TestTar().file("/abs/file", "inside").file("//etc/passwd-x", "inside")
        .build();

    sandbox.extract(options(mode), tar);

    assertThat(sandbox.root.resolve("abs/file")).hasContent("inside");
    assertThat(sandbox.root.resolve("etc/passwd-x")).hasContent("inside");
  }

  @Test
  void extract_rejectsDeviceNodesInContextMode() {
    byte[] tar = new TestTar().node("null", (byte) '3', 0666, 1, 3).build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.context(), tar))
        .hasMessage("tar entry \"null\": device nodes and fifos are not allowed in a build context");
    assertThat(sandbox.root.resolve("null")).doesNotExist();
  }

  @Test
  void extract_rejectsRootReplacedByFile() {
    byte[] tar = new TestTar().file(".", "x").build();

    assertThatThrownBy(() -> sandbox.extract(ExtractOptions.layer(), tar))
        .isInstanceOf(ExtractionException.class);
  }
}
