package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyingBlobWriterTest {

  @TempDir Path dir;

  private static final byte[] CONTENT = "layer bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void write_matchingDigest_movesTheFileIntoPlace() throws Exception {
    Descriptor expected = new Descriptor(MediaTypes.OCI_LAYER, Digests.sha256(CONTENT), CONTENT.length);

    Path written = VerifyingBlobWriter.write(expected, dir.resolve("blobs/layer"), "layer", out -> {
      out.write(CONTENT, 0, 3);
      out.write(CONTENT, 3, CONTENT.length - 3);
    });

    assertThat(written).hasBinaryContent(CONTENT);
    assertThat(Digests.sha256(written)).isEqualTo(expected.digest());
    assertThat(dir.resolve("blobs")).isDirectoryNotContaining("glob:**/.partial-*");
  }

  @Test
  void write_wrongDigest_failsAndLeavesNoFile() throws Exception {
    Descriptor expected = new Descriptor(MediaTypes.OCI_LAYER, Digests.sha256("other".getBytes()), CONTENT.length);
    Path target = dir.resolve("layer");

    assertThatThrownBy(() -> VerifyingBlobWriter.write(expected, target, "layer x of r/i", out -> out.write(CONTENT)))
        .isInstanceOf(RegistryException.class)
        .hasMessage("layer x of r/i has digest " + Digests.sha256(CONTENT) + " but " + expected.digest()
            + " was expected; refusing the download")
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.DIGEST_MISMATCH));
    assertThat(target).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void write_wrongSize_fails() {
    Descriptor expected = new Descriptor(MediaTypes.OCI_LAYER, Digests.sha256(CONTENT), CONTENT.length + 1);

    assertThatThrownBy(() -> VerifyingBlobWriter.write(expected, dir.resolve("l"), "layer", out -> out.write(CONTENT)))
        .hasMessageContaining("is " + CONTENT.length + " bytes but its descriptor says " + (CONTENT.length + 1));
  }

  @Test
  void write_sourceFailure_propagatesAndCleansUp() {
    Descriptor expected = new Descriptor(MediaTypes.OCI_LAYER, Digests.sha256(CONTENT), CONTENT.length);

    assertThatThrownBy(() -> VerifyingBlobWriter.write(expected, dir.resolve("l"), "layer", out -> {
      out.write(CONTENT, 0, 2);
      throw new IOException("connection reset");
    })).hasMessage("connection reset");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void write_unsupportedAlgorithm_failsLoudly() {
    Descriptor expected = new Descriptor(MediaTypes.OCI_LAYER, "md5:" + "0".repeat(32), 1);

    assertThatThrownBy(() -> VerifyingBlobWriter.write(expected, dir.resolve("l"), "layer", out -> { }))
        .hasMessageContaining("digest algorithm 'md5'");
  }
}
