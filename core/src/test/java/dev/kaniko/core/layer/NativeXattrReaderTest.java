package dev.kaniko.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeXattrReaderTest {
  @TempDir Path tmp;

  @Test
  void read_returnsBinaryCapabilityAndUserAttributes() throws Exception {
    Path f = Files.writeString(tmp.resolve("f"), "x");
    Processes.run("setfattr", "-n", "security.capability", "-v",
        "0x" + SampleTree.hex(SampleTree.CAPABILITY), f.toString());
    Processes.run("setfattr", "-n", "user.big", "-v", "0x" + "ab".repeat(3000), f.toString());
    Processes.run("setfattr", "-n", "trusted.secret", "-v", "no", f.toString());

    var attrs = XattrReader.system().read(f);

    assertThat(attrs).containsOnlyKeys("security.capability", "user.big");
    assertThat(attrs.get("security.capability")).isEqualTo(SampleTree.CAPABILITY);
    assertThat(attrs.get("user.big")).hasSize(3000);
  }

  @Test
  void read_doesNotFollowSymlinks() throws Exception {
    Path f = Files.writeString(tmp.resolve("f"), "x");
    Processes.run("setfattr", "-n", "user.a", "-v", "1", f.toString());
    Path link = Files.createSymbolicLink(tmp.resolve("l"), f);

    assertThat(XattrReader.system().read(link)).isEmpty();
  }

  @Test
  void read_missingFileFailsWithThePath() {
    assertThatThrownBy(() -> XattrReader.system().read(tmp.resolve("missing")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing");
  }
}
