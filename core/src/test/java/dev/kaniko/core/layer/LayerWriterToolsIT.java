package dev.kaniko.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.image.Compression;
import dev.kaniko.core.image.LayerBlob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads our layers with the real tools: GNU tar, gzip, zstd, sha256sum. */
class LayerWriterToolsIT {
  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    root = SampleTree.create(tmp.resolve("rootfs"), 5 * 1024 * 1024 + 7);
  }

  private LayerBlob write(LayerOptions options) throws Exception {
    return new LayerWriter(options).write(LayerContents.ofTree(root));
  }

  private LayerOptions options() {
    return LayerOptions.defaults(tmp.resolve("out"));
  }

  @Test
  void gnuTar_extractsTheSameTree() throws Exception {
    LayerBlob blob = write(options());
    Path out = Files.createDirectories(tmp.resolve("extracted"));

    String log = Processes.sh("tar --xattrs --xattrs-include='*' --numeric-owner --same-owner -p"
        + " -xzf " + blob.path() + " -C " + out + " 2>&1");

    assertThat(log).as("tar warnings").isEmpty();
    assertThat(TreeDescription.of(out, true)).isEqualTo(TreeDescription.of(root, true));
    assertThat(TreeDescription.of(out, true).get("bin/tool"))
        .contains("security.capability=" + SampleTree.hex(SampleTree.CAPABILITY))
        .contains("links=[bin/hard, bin/tool]");
  }

  @Test
  void gnuTar_listsTypesOwnersAndLinks() throws Exception {
    LayerBlob blob = write(options());

    String listing = Processes.sh("tar -tvv --numeric-owner -zf " + blob.path() + " 2>&1");

    assertThat(listing)
        .contains("-rwsr-xr-x 0/0")
        .contains("bin/tool link to bin/hard")
        .contains("bin/link -> tool")
        .contains("drwxrwxrwt 0/0")
        .contains("drwxrwsr-x 0/0")
        .contains("prw--w---- 0/0")
        .contains("crw-rw-rw- 0/0             1,3")
        .contains("1234/5678")
        .contains(SampleTree.BIG_UID + "/" + SampleTree.BIG_UID)
        .contains(SampleTree.LONG_FILE)
        .contains(SampleTree.UNICODE_FILE)
        .doesNotContain("PaxHeaders")
        .doesNotContain("tar:");
  }

  @Test
  void digests_matchSha256sumOfBlobAndOfGunzip() throws Exception {
    LayerBlob blob = write(options());

    assertThat(sha256sum("cat " + blob.path())).isEqualTo(blob.digest());
    assertThat(sha256sum("gzip -dc " + blob.path())).isEqualTo(blob.diffId());
    assertThat(Processes.sh("gzip -dc " + blob.path() + " | wc -c").trim())
        .isEqualTo(Long.toString(blob.uncompressedSize()));
  }

  @Test
  void parallelGzip_manySmallBlocksIsOneValidGzipMember() throws Exception {
    LayerBlob blob = write(options().withBlockSize(64 * 1024).withThreads(3));

    Processes.run("gzip", "-t", blob.path().toString());
    assertThat(sha256sum("gzip -dc " + blob.path())).isEqualTo(blob.diffId());
    assertThat(Processes.sh("gzip -lv " + blob.path()))
        .as("single member: gzip -l reports the true size")
        .contains(Long.toString(blob.uncompressedSize()));
    assertThat(sha256sum("pigz -dc " + blob.path())).isEqualTo(blob.diffId());
  }

  @Test
  void zstd_isReadableByTheZstdTool() throws Exception {
    LayerBlob blob = write(options().withCompression(Compression.ZSTD, -1));

    assertThat(sha256sum("zstd -dc " + blob.path())).isEqualTo(blob.diffId());
    assertThat(sha256sum("cat " + blob.path())).isEqualTo(blob.digest());
    Path out = Files.createDirectories(tmp.resolve("zx"));
    Processes.sh("zstd -dc " + blob.path() + " | tar --xattrs --xattrs-include='*'"
        + " --numeric-owner -xf - -C " + out);
    assertThat(TreeDescription.of(out, true)).isEqualTo(TreeDescription.of(root, true));
  }

  @Test
  void whiteouts_areListedByGnuTar() throws Exception {
    LayerContents contents = new LayerContents(
        root, List.of("etc/hosts"), List.of("bin/tool", "usr"), List.of("data"));
    LayerBlob blob = new LayerWriter(options()).write(contents);

    List<String> names = List.of(Processes.sh("tar -tzf " + blob.path()).split("\n"));

    assertThat(names).containsExactly(
        ".wh.usr", "bin/", "bin/.wh.tool", "data/", "data/.wh..wh..opq", "etc/", "etc/hosts");
  }

  private static String sha256sum(String producer) throws Exception {
    return "sha256:" + Processes.sh(producer + " | sha256sum").substring(0, 64);
  }
}
