package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLogTest {

  private static RegistryLog fixture(Path tmp) throws Exception {
    Path file = tmp.resolve("registry.log");
    try (var in = RegistryLogTest.class.getResourceAsStream("/testsupport/registry-access.log")) {
      Files.copy(in, file);
    }
    return new RegistryLog(file);
  }

  @Test
  void requests_parsesAccessLinesAndSkipsApplicationLines(@TempDir Path tmp) throws Exception {
    RegistryLog log = fixture(tmp);

    assertThat(log.requests()).hasSize(8);
    assertThat(log.requests().get(0)).isEqualTo(new RegistryRequest("GET", "/v2/", 200));
    assertThat(log.requests().get(7)).isEqualTo(new RegistryRequest("GET", "/v2/base/busybox/manifests/nope", 404));
  }

  @Test
  void counters_recogniseUploadsMountsAndManifestPuts(@TempDir Path tmp) throws Exception {
    RegistryLog log = fixture(tmp);

    assertThat(log.blobUploadsSince(0)).isEqualTo(1);
    assertThat(log.count(0, RegistryRequest::isBlobMount)).isEqualTo(1);
    assertThat(log.count(0, RegistryRequest::isManifestPut)).isEqualTo(1);
  }

  @Test
  void requestsSince_countsOnlyLinesAfterTheMark(@TempDir Path tmp) throws Exception {
    RegistryLog log = fixture(tmp);
    long mark = log.mark();
    Files.writeString(log.file(), "127.0.0.1 - - [26/Nov/2026:18:50:00 +0000] \"PUT /v2/x/blobs/uploads/9?digest=d "
        + "HTTP/1.1\" 201 0 \"\" \"kaniko\"\n", java.nio.file.StandardOpenOption.APPEND);

    assertThat(log.requestsSince(mark)).containsExactly(new RegistryRequest("PUT", "/v2/x/blobs/uploads/9?digest=d", 201));
    assertThat(log.blobUploadsSince(mark)).isEqualTo(1);
    assertThat(log.tail(1)).contains("kaniko");
  }

  @Test
  void missingFile_hasNoLines(@TempDir Path tmp) {
    RegistryLog log = new RegistryLog(tmp.resolve("absent.log"));

    assertThat(log.lines()).isEmpty();
    assertThat(log.mark()).isZero();
    assertThat(log.requests()).isEmpty();
  }
}
