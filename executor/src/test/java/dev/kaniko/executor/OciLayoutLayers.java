package dev.kaniko.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads the gzip layers of one tagged image of an OCI layout the executor wrote. */
final class OciLayoutLayers {
  private OciLayoutLayers() {}

  /** The entry names (no leading {@code ./}, no trailing {@code /}) of each layer, in order. */
  static List<List<String>> entries(Path layout, String tag) throws IOException {
    List<List<String>> layers = new ArrayList<>();
    for (JsonNode layer : manifest(layout, tag).get("layers")) {
      layers.add(names(blob(layout, layer.get("digest").asText())));
    }
    return layers;
  }

  private static JsonNode manifest(Path layout, String tag) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (JsonNode m : json.readTree(layout.resolve("index.json").toFile()).get("manifests")) {
      if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
        return json.readTree(blob(layout, m.get("digest").asText()).toFile());
      }
    }
    throw new IllegalArgumentException("no image tagged " + tag + " in " + layout);
  }

  private static List<String> names(Path gzipTar) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipTar));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
      }
    }
    return names;
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }
}
