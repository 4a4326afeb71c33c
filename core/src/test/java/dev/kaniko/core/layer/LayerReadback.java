package dev.kaniko.core.layer;

import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.LayerBlob;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Reads a written layer back with commons-compress (the independent reader in unit tests). */
final class LayerReadback {
  private LayerReadback() {}

  static InputStream decompressed(LayerBlob blob) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(blob.path()));
    return blob.mediaType().endsWith("zstd")
        ? new ZstdCompressorInputStream(raw)
        : new GzipCompressorInputStream(raw, true);
  }

  /** Tar entries in archive order, by name. */
  static Map<String, TarArchiveEntry> entries(LayerBlob blob) throws IOException {
    Map<String, TarArchiveEntry> out = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(blob))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        out.put(e.getName(), e);
      }
    }
    return out;
  }

  static List<String> names(LayerBlob blob) throws IOException {
    return new ArrayList<>(entries(blob).keySet());
  }

  static String sha256(InputStream in) throws IOException {
    try (in) {
      MessageDigest md = Digests.newMessageDigest("sha256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return "sha256:" + HexFormat.of().formatHex(md.digest());
    }
  }

  static String sha256(Path file) throws IOException {
    return sha256(Files.newInputStream(file));
  }
}
