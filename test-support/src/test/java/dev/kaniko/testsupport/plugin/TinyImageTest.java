package dev.kaniko.testsupport.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinyImageTest {

  @TempDir Path temp;

  private static String sha256(byte[] data) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void in_writesAGzippedLayerWhoseDigestSizeAndDiffIdMatch() throws Exception {
    TinyImage image = TinyImage.in(temp, "app-1");

    byte[] blob = Files.readAllBytes(image.layer());
    byte[] tar;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(image.layer()))) {
      tar = in.readAllBytes();
    }
    assertThat(image.layer()).hasFileName("layer-app-1.tar.gz");
    assertThat(image.layerDigest()).isEqualTo(sha256(blob));
    assertThat(image.layerSize()).isEqualTo(blob.length);
    assertThat(tar).hasSize(1024);
    assertThat(new String(image.config(), StandardCharsets.UTF_8))
        .contains("\"marker\":\"app-1\"")
        .contains("\"diff_ids\":[\"" + sha256(tar) + "\"]");
  }

  @Test
  void in_differentMarkers_giveDifferentConfigs() throws Exception {
    assertThat(TinyImage.in(temp, "a").config()).isNotEqualTo(TinyImage.in(temp, "b").config());
  }
}
