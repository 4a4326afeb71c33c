package dev.kaniko.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.Compression;
import dev.kaniko.core.image.LayerBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {
  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    root = SampleTree.create(tmp.resolve("rootfs"), 3 * 1024 * 1024 + 123);
  }

  private LayerOptions options() {
    return LayerOptions.defaults(tmp.resolve("out"));
  }

  private LayerBlob writeTree(LayerOptions options) throws IOException {
    return new LayerWriter(options).write(LayerContents.ofTree(root));
  }

  @Test
  void write_keepsTypesModesOwnersAndLinks() throws Exception {
    Map<String, TarArchiveEntry> e = LayerReadback.entries(writeTree(options()));

    assertThat(e.get("bin/").isDirectory()).isTrue();
    assertThat(e.get("bin/tool").getMode() & 07777).isEqualTo(04755);
    assertThat(e.get("tmp/").getMode() & 07777).isEqualTo(01777);
    assertThat(e.get("shared/").getMode() & 07777).isEqualTo(02775);
    assertThat(e.get("empty/").getMode() & 07777).isEqualTo(0750);
    assertThat(e.get("bin/link").isSymbolicLink()).isTrue();
    assertThat(e.get("bin/link").getLinkName()).isEqualTo("tool");
    assertThat(e.get("bin/tool").isLink()).as("bin/hard sorts first, so tool links to it").isTrue();
    assertThat(e.get("bin/tool").getLinkName()).isEqualTo("bin/hard");
    assertThat(e.get("bin/hard").isFile()).isTrue();
    assertThat(e.get("bin/hard").getSize()).isEqualTo(Files.size(root.resolve("bin/tool")));
    assertThat(e.get("home/u/owned").getLongUserId()).isEqualTo(1234);
    assertThat(e.get("home/u/owned").getLongGroupId()).isEqualTo(5678);
    assertThat(e.get("home/u/owned").getUserName()).isEmpty();
    assertThat(e.get("home/u/big-uid").getLongUserId()).isEqualTo(SampleTree.BIG_UID);
    assertThat(e.get("home/u/big-uid").getLongGroupId()).isEqualTo(SampleTree.BIG_UID);
    assertThat(e.get("run/fifo").isFIFO()).isTrue();
    assertThat(e.get("run/fifo").getMode() & 07777).isEqualTo(0620);
    assertThat(e.get("dev/null").isCharacterDevice()).isTrue();
    assertThat(e.get("dev/null").getDevMajor()).isEqualTo(1);
    assertThat(e.get("dev/null").getDevMinor()).isEqualTo(3);
    assertThat(e.get("dev/loop9").isBlockDevice()).isTrue();
    assertThat(e.get("dev/loop9").getDevMajor()).isEqualTo(7);
    assertThat(e.get("dev/loop9").getDevMinor()).isEqualTo(9);
    assertThat(e.get("data/big.bin").getSize()).isEqualTo(3 * 1024 * 1024 + 123);
    assertThat(e.get("etc/hosts").getLastModifiedTime()).isEqualTo(SampleTree.MTIME);
  }

  @Test
  void write_usesPaxForLongAndNonAsciiNamesAndXattrs() throws Exception {
    Map<String, TarArchiveEntry> e = LayerReadback.entries(writeTree(options()));

    assertThat(e).containsKey(SampleTree.LONG_FILE);
    assertThat(e).containsKey(SampleTree.LONG_DIR + "/");
    assertThat(e).containsKey(SampleTree.UNICODE_FILE);
    assertThat(e.get("etc/hosts").getExtraPaxHeaders())
        .containsEntry("SCHILY.xattr.user.note", "hello");
    assertThat(e.get("bin/hard").getExtraPaxHeaders())
        .containsKey("SCHILY.xattr.security.capability");
    assertThat(e.keySet()).noneMatch(n -> n.contains("PaxHeaders"));
  }

  @Test
  void write_sortsEntriesWithDirectoriesBeforeChildren() throws Exception {
    List<String> names = LayerReadback.names(writeTree(options()));

    assertThat(names).startsWith("bin/", "bin/hard", "bin/link", "bin/tool", "data/");
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      String parent = n.substring(0, n.lastIndexOf('/', n.length() - 2) + 1);
      if (!parent.isEmpty()) {
        assertThat(names.subList(0, i)).as("parent of " + n).contains(parent);
      }
    }
    assertThat(names).doesNotHaveDuplicates().doesNotContain("./", "/");
  }

  @Test
  void write_digestsMatchTheFileAndTheTar() throws Exception {
    LayerBlob blob = writeTree(options());

    assertThat(blob.digest()).isEqualTo(LayerReadback.sha256(blob.path()));
    assertThat(blob.size()).isEqualTo(Files.size(blob.path()));
    assertThat(blob.diffId()).isEqualTo(LayerReadback.sha256(LayerReadback.decompressed(blob)));
    try (InputStream in = LayerReadback.decompressed(blob)) {
      assertThat(in.transferTo(java.io.OutputStream.nullOutputStream()))
          .isEqualTo(blob.uncompressedSize());
    }
    assertThat(blob.mediaType()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
    assertThat(blob.path().getParent()).isEqualTo(tmp.resolve("out"));
  }

  @Test
  void write_zstdIsReadableAndDigested() throws Exception {
    LayerBlob blob = writeTree(options().withCompression(Compression.ZSTD, 5));

    assertThat(blob.mediaType()).isEqualTo("application/vnd.oci.image.layer.v1.tar+zstd");
    assertThat(blob.digest()).isEqualTo(LayerReadback.sha256(blob.path()));
    assertThat(blob.diffId()).isEqualTo(LayerReadback.sha256(LayerReadback.decompressed(blob)));
    assertThat(LayerReadback.entries(blob)).containsKey("data/big.bin");
  }

  @Test
  void write_reproducibleGivesSameDigestDespiteNewMtimes() throws Exception {
    LayerOptions reproducible = options().withReproducible(true);
    LayerBlob first = writeTree(reproducible);
    Files.setLastModifiedTime(root.resolve("etc/hosts"), FileTime.fromMillis(1_000L));
    Files.setLastModifiedTime(root.resolve("bin"), FileTime.fromMillis(2_000_000_000_000L));
    LayerBlob second = writeTree(reproducible);

    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(second.diffId()).isEqualTo(first.diffId());
    assertThat(LayerReadback.entries(second).values())
        .allMatch(e -> e.getLastModifiedTime().toMillis() == 0);
    assertThat(LayerReadback.entries(second).values())
        .allMatch(e -> e.getExtraPaxHeaders().keySet().stream()
            .noneMatch(k -> k.equals("atime") || k.equals("ctime") || k.equals("mtime")));
  }

  @Test
  void write_notReproducibleChangesWhenMtimeChanges() throws Exception {
    LayerBlob first = writeTree(options());
    Files.setLastModifiedTime(root.resolve("etc/hosts"), FileTime.fromMillis(1_000L));

    assertThat(writeTree(options()).diffId()).isNotEqualTo(first.diffId());
  }

  @Test
  void write_gzipOutputDoesNotDependOnThreadCount() throws Exception {
    LayerOptions small = options().withBlockSize(64 * 1024);
    LayerBlob one = writeTree(small.withThreads(1));
    LayerBlob four = writeTree(small.withThreads(4));

    assertThat(four.digest()).isEqualTo(one.digest());
    assertThat(four.diffId()).isEqualTo(one.diffId());
  }

  @Test
  void write_zstdOutputDoesNotDependOnThreadCount() throws Exception {
    LayerOptions zstd = options().withCompression(Compression.ZSTD, 3);

    assertThat(writeTree(zstd.withThreads(3)).digest())
        .isEqualTo(writeTree(zstd.withThreads(1)).digest());
  }

  @Test
  void write_addsParentDirectoriesWhiteoutsAndOpaqueMarkers() throws Exception {
    LayerContents contents = new LayerContents(root,
        List.of("home/u/owned", "shared"),
        List.of("etc/passwd", "etc/gone/deeper", "etc/gone", "usr/lib"),
        List.of("data"));

    List<String> names = LayerReadback.names(new LayerWriter(options()).write(contents));

    assertThat(names).containsExactly(
        "data/", "data/.wh..wh..opq",
        "etc/", "etc/.wh.gone", "etc/.wh.passwd",
        "home/", "home/u/", "home/u/owned",
        "shared/",
        "usr/.wh.lib");
  }

  @Test
  void write_whiteoutsAreEmptyRegularFiles() throws Exception {
    LayerContents contents = new LayerContents(root, List.of(), List.of("etc/hosts"), List.of());
    Map<String, TarArchiveEntry> e =
        LayerReadback.entries(new LayerWriter(options()).write(contents));

    assertThat(e.get("etc/.wh.hosts").isFile()).isTrue();
    assertThat(e.get("etc/.wh.hosts").getSize()).isZero();
    assertThat(e.get("etc/")).as("parent dir of the whiteout").isNotNull();
  }

  @Test
  void write_skipsSocketsAndDropsWhiteoutsOfReaddedPaths() throws Exception {
    try (java.nio.channels.ServerSocketChannel socket = java.nio.channels.ServerSocketChannel
        .open(java.net.StandardProtocolFamily.UNIX)) {
      socket.bind(java.net.UnixDomainSocketAddress.of(root.resolve("run/app.sock")));
      LayerContents contents = new LayerContents(root,
          List.of("run/app.sock", "etc/hosts"), List.of("etc/hosts"), List.of());

      List<String> names = LayerReadback.names(new LayerWriter(options()).write(contents));

      assertThat(names).containsExactly("etc/", "etc/hosts", "run/");
    }
  }

  @Test
  void write_failsClearlyOnMissingPath() {
    LayerContents contents = new LayerContents(root, List.of("nope/file"), List.of(), List.of());

    assertThatThrownBy(() -> new LayerWriter(options()).write(contents))
        .isInstanceOf(IOException.class)
        .hasMessage("path to add to the layer does not exist: nope/file");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void write_refusesPathsThroughSymlinkedDirectories() throws Exception {
    java.nio.file.Files.createSymbolicLink(root.resolve("etc2"), Path.of("etc"));
    LayerContents contents = new LayerContents(
        root, List.of("etc2", "etc2/hosts"), List.of(), List.of());

    assertThatThrownBy(() -> new LayerWriter(options()).write(contents))
        .isInstanceOf(IOException.class)
        .hasMessage("parent of layer path etc2/hosts is not a directory: etc2");
  }

  @Test
  void write_refusesFilesNamedLikeWhiteouts() throws Exception {
    Files.writeString(root.resolve("etc/.wh.sneaky"), "x");
    LayerContents contents = new LayerContents(root, List.of("etc/.wh.sneaky"), List.of(), List.of());

    assertThatThrownBy(() -> new LayerWriter(options()).write(contents))
        .hasMessage("cannot add etc/.wh.sneaky to a layer: names starting with .wh. are reserved"
            + " for whiteouts");
  }

  @Test
  void contents_rejectsEscapingPaths() {
    assertThatThrownBy(() -> new LayerContents(root, List.of("a/../../etc"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..'");
    assertThat(new LayerContents(root, List.of("/./a//b/"), List.of(), List.of()).added())
        .containsExactly("a/b");
  }

  @Test
  void options_rejectOutOfRangeLevels() {
    assertThatThrownBy(() -> options().withCompression(Compression.GZIP, 10))
        .hasMessageContaining("out of range for gzip");
    assertThatThrownBy(() -> Compression.parse("lz4"))
        .hasMessage("invalid compression 'lz4' (expected gzip or zstd)");
    assertThat(Compression.parse("ZSTD")).isEqualTo(Compression.ZSTD);
  }
}
