package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes an image as a {@code docker save} style tarball ({@code manifest.json}, config, layers),
 * streaming each layer file into the tar. Layers stay compressed (named {@code <digest>.tar.gz}
 * or {@code .tar.zst}), which {@code docker load} and containers/image accept.
 */
public final class DockerArchiveWriter {

  @JsonPropertyOrder({"Config", "RepoTags", "Layers"})
  record ArchiveManifest(
      @JsonProperty("Config") String config,
      @JsonProperty("RepoTags") List<String> repoTags,
      @JsonProperty("Layers") List<String> layers) {}

  /** Writes {@code image} to {@code file} (replaced), tagged with {@code repoTags}. */
  public void write(AssembledImage image, Path file, List<String> repoTags) throws IOException {
    List<String> tags = new ArrayList<>();
    for (String t : repoTags) {
      tags.add(normalizeTag(t));
    }
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".tar");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 256 * 1024);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 512, "UTF-8")) {
        writeContents(tar, image, tags);
        tar.finish();
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void writeContents(TarArchiveOutputStream tar, AssembledImage image,
      List<String> tags) throws IOException {
    String configName = image.configJson().digestHex() + ".json";
    putBytes(tar, configName, image.configJson().bytes());
    List<String> layerNames = new ArrayList<>();
    Set<String> written = new HashSet<>();
    for (LayerBlob layer : image.layers()) {
      String name = layer.digestHex() + extension(layer.mediaType());
      if (written.add(name)) {
        putFile(tar, name, layer.path(), layer.size());
      }
      layerNames.add(name);
    }
    ArchiveManifest manifest = new ArchiveManifest(configName, tags, layerNames);
    putBytes(tar, "manifest.json", ImageJson.serialize(List.of(manifest)).bytes());
  }

  private static String extension(String mediaType) {
    if (mediaType.endsWith("gzip")) {
      return ".tar.gz";
    }
    if (mediaType.endsWith("zstd")) {
      return ".tar.zst";
    }
    return ".tar";
  }

  /** {@code name[:tag]} → {@code name:tag} (default {@code latest}); digests are refused. */
  static String normalizeTag(String ref) {
    if (ref.contains("@")) {
      throw new IllegalArgumentException(
          "a docker archive needs tags, not digests: '" + ref + "'");
    }
    if (ref.isBlank() || ref.contains(" ")) {
      throw new IllegalArgumentException("invalid image reference: '" + ref + "'");
    }
    String lastComponent = ref.substring(ref.lastIndexOf('/') + 1);
    return lastComponent.contains(":") ? ref : ref + ":latest";
  }

  private static TarArchiveEntry entry(String name, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0644);
    e.setSize(size);
    e.setModTime(0);
    e.setUserName("");
    e.setGroupName("");
    return e;
  }

  private static void putBytes(TarArchiveOutputStream tar, String name, byte[] bytes)
      throws IOException {
    tar.putArchiveEntry(entry(name, bytes.length));
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void putFile(TarArchiveOutputStream tar, String name, Path file, long size)
      throws IOException {
    long actual = Files.size(file);
    if (actual != size) {
      throw new IOException("layer file " + file + " has " + actual + " bytes, expected " + size);
    }
    tar.putArchiveEntry(entry(name, size));
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }
}
