package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.ManifestWriter;
import dev.kaniko.core.image.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawManifestTemplateTest {

  @Test
  void jibSerializesTheRawBytesUnchanged() throws Exception {
    byte[] manifest = ManifestWriter.write(ImageFormat.OCI,
        new Descriptor(MediaTypes.OCI_CONFIG, "sha256:" + "1".repeat(64), 12),
        List.of(new Descriptor(MediaTypes.OCI_LAYER_ZSTD, "sha256:" + "2".repeat(64), 34)));

    byte[] serialized = JsonTemplateMapper.toByteArray(new RawManifestTemplate(manifest, MediaTypes.OCI_MANIFEST));

    assertThat(serialized).isEqualTo(manifest);
  }

  @Test
  void manifestWriter_isCompactAndOrdered() {
    byte[] manifest = ManifestWriter.write(ImageFormat.DOCKER,
        new Descriptor(MediaTypes.DOCKER_CONFIG, "sha256:" + "1".repeat(64), 12),
        List.of(new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, "sha256:" + "2".repeat(64), 34)));

    assertThat(new String(manifest, StandardCharsets.UTF_8)).isEqualTo("{\"schemaVersion\":2,\"mediaType\":\""
        + MediaTypes.DOCKER_MANIFEST + "\",\"config\":{\"mediaType\":\"" + MediaTypes.DOCKER_CONFIG
        + "\",\"size\":12,\"digest\":\"sha256:" + "1".repeat(64) + "\"},\"layers\":[{\"mediaType\":\""
        + MediaTypes.DOCKER_LAYER_GZIP + "\",\"size\":34,\"digest\":\"sha256:" + "2".repeat(64) + "\"}]}");
  }
}
