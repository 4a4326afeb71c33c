package dev.kaniko.core.build;

import dev.kaniko.core.image.AssembledImage;
import dev.kaniko.core.image.DockerArchiveWriter;
import dev.kaniko.core.image.OciLayoutWriter;
import dev.kaniko.core.options.BuildOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the final image where the options ask, as kaniko does: digest files, OCI layout
 * (ref name = the first destination's tag, else {@code latest}) and docker archive (tagged
 * with the destinations).
 */
final class OutputWriter {
  private static final Logger LOG = LoggerFactory.getLogger(OutputWriter.class);

  private final BuildOptions options;

  OutputWriter(BuildOptions options) {
    this.options = options;
  }

  void write(AssembledImage image) throws IOException {
    String digest = image.digest();
    List<Destination> destinations =
        options.destinations().stream().map(Destination::parse).toList();
    if (options.digestFile().isPresent()) {
      writeText(options.digestFile().get(), digest);
    }
    if (options.imageNameWithDigestFile().isPresent()) {
      writeText(options.imageNameWithDigestFile().get(),
          lines(destinations, d -> d.withDigest(digest)));
    }
    if (options.imageNameTagWithDigestFile().isPresent()) {
      writeText(options.imageNameTagWithDigestFile().get(),
          lines(destinations, d -> d.withTagAndDigest(digest)));
    }
    if (options.ociLayoutPath().isPresent()) {
      Path dir = options.ociLayoutPath().get();
      String ref = destinations.isEmpty() ? "latest" : destinations.get(0).tag();
      new OciLayoutWriter().write(image, dir, ref);
      LOG.info("Wrote OCI layout {} (ref name {})", dir, ref);
    }
    if (options.tarPath().isPresent()) {
      Path tar = options.tarPath().get();
      createParent(tar);
      new DockerArchiveWriter().write(image, tar, options.destinations());
      LOG.info("Wrote docker archive {}", tar);
    }
  }

  private static String lines(List<Destination> destinations, Function<Destination, String> f) {
    StringBuilder text = new StringBuilder();
    destinations.forEach(d -> text.append(f.apply(d)).append('\n'));
    return text.toString();
  }

  private static void writeText(Path file, String text) throws IOException {
    createParent(file);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
