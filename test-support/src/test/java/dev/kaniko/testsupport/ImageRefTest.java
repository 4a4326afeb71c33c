package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageRefTest {

  @Test
  void repository_dropsTheTagButKeepsThePort() {
    ImageRef ref = new ImageRef("127.0.0.1:5000/base/busybox:latest", "sha256:abc");

    assertThat(ref.repository()).isEqualTo("127.0.0.1:5000/base/busybox");
    assertThat(ref.digestReference()).isEqualTo("127.0.0.1:5000/base/busybox@sha256:abc");
  }

  @Test
  void repository_withoutTag_isTheReference() {
    assertThat(new ImageRef("127.0.0.1:5000/base/busybox", "sha256:abc").repository())
        .isEqualTo("127.0.0.1:5000/base/busybox");
  }

  @Test
  void platformDigest_unknownPlatform_namesTheKnownOnes() {
    ImageRef index = new ImageRef("h:1/m:l", "sha256:i", Map.of("linux/amd64", "sha256:a"));

    assertThat(index.platformDigest("linux/amd64")).isEqualTo("sha256:a");
    assertThatThrownBy(() -> index.platformDigest("linux/s390x"))
        .hasMessageContaining("linux/s390x").hasMessageContaining("linux/amd64");
  }
}
