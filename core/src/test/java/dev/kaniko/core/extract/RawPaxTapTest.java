package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class RawPaxTapTest {
  @Test
  void parseRecords_keepsValuesAsRawBytes() {
    byte[] data = "18 path=some/name\n25 SCHILY.xattr.user.a=\u0001\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    data[data.length - 2] = (byte) 0x80;

    Map<String, byte[]> records = RawPaxTap.parseRecords(data);

    assertThat(records.get("path")).isEqualTo("some/name".getBytes());
    assertThat(records.get("SCHILY.xattr.user.a")).containsExactly(0x80);
  }

  @Test
  void parseRecords_stopsAtMalformedData() {
    assertThat(RawPaxTap.parseRecords("zz path=x\n".getBytes())).isEmpty();
    assertThat(RawPaxTap.parseRecords("99 path=x\n".getBytes())).isEmpty();
  }

  @Test
  void tap_staysInStepWithCommonsCompressAcrossMixedEntries() throws IOException {
    String longName = "n".repeat(150) + "/" + "m".repeat(120);
    byte[] tar = new TestTar().file("plain", "x".repeat(1000))
        .file(longName, "long", 0644, e -> e.addPaxHeader("SCHILY.xattr.user.one", "1"))
        .file("big-uid", "y", 0644, e -> e.setUserId(3_000_000))
        .symlink("s", "t".repeat(300), e -> e.addPaxHeader("SCHILY.xattr.user.two", "22"))
        .dir("d/").file("d/ü", "", 0644, e -> e.addPaxHeader("SCHILY.xattr.user.three", "333"))
        .build();

    List<String> seen = new ArrayList<>();
    try (RawPaxTap tap = new RawPaxTap(new ByteArrayInputStream(tar));
        TarArchiveInputStream in = new TarArchiveInputStream(tap, "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        Map<String, String> raw = new TreeMap<>();
        tap.currentRecords().forEach((k, v) -> {
          if (k.startsWith("SCHILY.xattr.")) {
            raw.put(k, new String(v, StandardCharsets.UTF_8));
          }
        });
        Map<String, String> decoded = new TreeMap<>(entry.getExtraPaxHeaders());
        assertThat(raw).as(entry.getName()).isEqualTo(decoded);
        seen.add(entry.getName() + raw.keySet());
      }
      assertThat(tap.count() % 512).isZero();
    }
    assertThat(seen).containsExactly("plain[]", longName + "[SCHILY.xattr.user.one]",
        "big-uid[]", "s[SCHILY.xattr.user.two]", "d/[]", "d/ü[SCHILY.xattr.user.three]");
  }
}
