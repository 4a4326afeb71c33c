package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** ADD extracts local tar archives of every compression docker reads; COPY never does. */
class AddArchivesTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"tar", "gz", "bz2", "xz", "zst"})
  void add_extractsEachCompression_copyKeepsTheFile(String kind) throws Exception {
    Path context = Files.createDirectories(tmp.resolve("ctx"));
    String name = "app." + kind;
    writeTar(context.resolve(name), kind);
    Path added = Files.createDirectories(tmp.resolve("added"));
    Path copied = Files.createDirectories(tmp.resolve("copied"));

    new CopyOperation(context, "ctx", added).add(List.of(name), "/opt/",
        Optional.of(Ownership.ROOT), Optional.empty(), Optional.empty(), tmp.resolve("scratch"));
    new CopyOperation(context, "ctx", copied).copy(List.of(name), "/opt/",
        Optional.of(Ownership.ROOT), Optional.empty());

    assertThat(added.resolve("opt/bin/tool")).hasContent("tool " + kind);
    assertThat(Files.getAttribute(added.resolve("opt/bin/tool"), "unix:uid")).isEqualTo(42);
    assertThat(added.resolve("opt/" + name)).doesNotExist();
    assertThat(copied.resolve("opt/" + name)).hasSameBinaryContentAs(context.resolve(name));
    assertThat(copied.resolve("opt/bin")).doesNotExist();
  }

  private static void writeTar(Path file, String kind) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = compress(raw, kind);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      byte[] data = ("tool " + kind).getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry dir = new TarArchiveEntry("bin/");
      dir.setMode(040755);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      TarArchiveEntry entry = new TarArchiveEntry("bin/tool");
      entry.setSize(data.length);
      entry.setMode(0100755);
      entry.setIds(42, 43);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    }
  }

  private static OutputStream compress(OutputStream raw, String kind) throws IOException {
    return switch (kind) {
      case "gz" -> new GzipCompressorOutputStream(raw);
      case "bz2" -> new BZip2CompressorOutputStream(raw);
      case "xz" -> new XZCompressorOutputStream(raw);
      case "zst" -> new ZstdCompressorOutputStream(raw);
      default -> raw;
    };
  }
}
