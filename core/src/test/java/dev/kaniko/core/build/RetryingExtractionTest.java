package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.extract.ExtractOptions;
import dev.kaniko.core.extract.ExtractionException;
import dev.kaniko.core.extract.TarExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryingExtractionTest {
  @TempDir Path temp;

  private final List<String> warnings = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();

  private Path layer(String name, String content) throws IOException {
    Path file = temp.resolve("layer.tar");
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry entry = new TarArchiveEntry(name, true);
      entry.setSize(bytes.length);
      entry.setMode(0644);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
    return file;
  }

  /** The real safe extractor, failing with an I/O error on the first {@code failures} attempts. */
  private RetryingExtraction.LayerExtraction failingFirst(int failures) {
    return (layer, rootfs) -> {
      if (attempts.incrementAndGet() <= failures) {
        throw new IOException("No space left on device (simulated)");
      }
      try (InputStream in = Files.newInputStream(layer)) {
        new TarExtractor(ExtractOptions.layer()).extract(in, rootfs);
      }
    };
  }

  @Test
  void extract_retriesIoFailures_andSucceedsOnTheThirdAttempt() throws IOException {
    Path layer = layer("etc/hello.txt", "hello\n");
    Path rootfs = Files.createDirectories(temp.resolve("rootfs"));

    new RetryingExtraction(failingFirst(2), 2, warnings::add).extract(layer, rootfs);

    assertThat(attempts).hasValue(3);
    assertThat(rootfs.resolve("etc/hello.txt")).hasContent("hello");
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("layer.tar").contains("No space left on device")
        .contains("retrying (1 of 2");
    assertThat(warnings.get(1)).contains("retrying (2 of 2");
  }

  @Test
  void extract_givesUpAfterTheRetries_withTheLastIoError() throws IOException {
    Path layer = layer("etc/hello.txt", "hello\n");
    Path rootfs = Files.createDirectories(temp.resolve("rootfs"));

    assertThatThrownBy(() -> new RetryingExtraction(failingFirst(2), 1, warnings::add)
        .extract(layer, rootfs))
        .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
    assertThat(attempts).hasValue(2);
    assertThat(warnings).hasSize(1);
  }

  @Test
  void extract_withoutRetries_triesOnce() throws IOException {
    Path layer = layer("etc/hello.txt", "hello\n");
    Path rootfs = Files.createDirectories(temp.resolve("rootfs"));

    assertThatThrownBy(() -> new RetryingExtraction(failingFirst(1), 0, warnings::add)
        .extract(layer, rootfs)).isInstanceOf(IOException.class);
    assertThat(attempts).hasValue(1);
    assertThat(warnings).isEmpty();
  }

  @Test
  void extract_hostileEntry_failsAtOnce_withoutRetrying() throws IOException {
    Path layer = layer("../escaped.txt", "evil\n");
    Path rootfs = Files.createDirectories(temp.resolve("rootfs"));

    assertThatThrownBy(() -> new RetryingExtraction(failingFirst(0), 5, warnings::add)
        .extract(layer, rootfs))
        .isInstanceOf(ExtractionException.class);
    assertThat(attempts).hasValue(1);
    assertThat(warnings).isEmpty();
    assertThat(temp.resolve("escaped.txt")).doesNotExist();
  }
}
