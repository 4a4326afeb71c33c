package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTreeTest {
  @TempDir Path dir;

  /** One tar entry to write: a directory (content null, no link), file, symlink or hard link. */
  private record E(String name, String content, String symlink, String hardlink, int mode, int uid) {
    static E dir(String name, int mode) {
      return new E(name, null, null, null, mode, 0);
    }

    static E file(String name, String content) {
      return new E(name, content, null, null, 0644, 0);
    }
  }

  @Test
  void readDir_appliesLayersWhiteoutsAndOpaqueDirectoriesInOrder() throws Exception {
    List<String> layers = new ArrayList<>();
    layers.add(layer(true, E.dir("etc/", 0755), E.file("etc/passwd", "root"),
        E.file("etc/group", "g"), E.dir("home/", 0755), E.dir("home/app/", 0700),
        E.file("home/app/.profile", "p"), E.file("keep", "k")));
    layers.add(layer(false, E.file("etc/.wh.group", ""), E.file("home/.wh..wh..opq", ""),
        E.file("home/new", "n"), new E("link", null, "/etc/passwd", null, 0777, 0),
        new E("hard", null, null, "keep", 0, 0), new E("owned", "o", null, null, 04750, 1000)));
    writeManifest(layers);

    ImageTree tree = ImageTree.readDir(dir);

    assertThat(tree.entries().keySet()).containsExactly("etc", "etc/passwd", "hard", "home",
        "home/new", "keep", "link", "owned");
    assertThat(tree.entry("/etc/passwd").describe()).isEqualTo("file 0644 0:0 4 " + sha("root"));
    assertThat(tree.entry("link").describe()).isEqualTo("symlink 0:0 -> /etc/passwd");
    assertThat(tree.entry("hard").hardlinkTo()).isEqualTo("keep");
    assertThat(tree.entry("hard").sha256()).isEqualTo(sha("k"));
    assertThat(tree.entry("owned").describe()).isEqualTo("file 4750 1000:0 1 " + sha("o"));
    assertThat(tree.config().path("config").path("Cmd").get(0).asText()).isEqualTo("sh");
  }

  @Test
  void readDir_aFileReplacingADirectoryDropsWhatWasBelowIt() throws Exception {
    writeManifest(List.of(layer(true, E.dir("d/", 0755), E.file("d/f", "x")),
        layer(true, E.file("d", "now a file"))));

    ImageTree tree = ImageTree.readDir(dir);

    assertThat(tree.entries().keySet()).containsExactly("d");
    assertThat(tree.entry("d").type()).isEqualTo(ImageTree.Type.FILE);
  }

  private String layer(boolean gzip, E... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (E e : entries) {
        TarArchiveEntry entry;
        if (e.symlink() != null) {
          entry = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
          entry.setLinkName(e.symlink());
        } else if (e.hardlink() != null) {
          entry = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_LINK);
          entry.setLinkName(e.hardlink());
        } else {
          entry = new TarArchiveEntry(e.name());
        }
        entry.setMode(e.mode());
        entry.setUserId(e.uid());
        byte[] content = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
        if (e.content() != null) {
          entry.setSize(content.length);
        }
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return blob(bytes.toByteArray());
  }

  private void writeManifest(List<String> layers) throws IOException {
    String config = blob("{\"config\":{\"Cmd\":[\"sh\"]}}".getBytes(StandardCharsets.UTF_8));
    StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"config\":{\"digest\":\"")
        .append(config).append("\"},\"layers\":[");
    for (int i = 0; i < layers.size(); i++) {
      json.append(i == 0 ? "" : ",").append("{\"digest\":\"").append(layers.get(i)).append("\"}");
    }
    Files.writeString(dir.resolve("manifest.json"), json.append("]}").toString());
  }

  private String blob(byte[] data) throws IOException {
    String digest = sha(data);
    Files.write(dir.resolve(digest.substring("sha256:".length())), data);
    return digest;
  }

  private static String sha(String text) {
    return sha(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
