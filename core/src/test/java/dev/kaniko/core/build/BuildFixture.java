package dev.kaniko.core.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.core.layer.Processes;
import dev.kaniko.core.options.BuildOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/** A build context, Dockerfile and output dirs in a temp dir, built in process. */
final class BuildFixture {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path root;
  final Path context;
  final Path layout;
  final Path tar;

  BuildFixture(Path root) throws IOException {
    this.root = root;
    this.context = Files.createDirectories(root.resolve("context"));
    this.layout = root.resolve("oci");
    this.tar = root.resolve("image.tar");
  }

  BuildFixture file(String path, String content) throws IOException {
    Path p = context.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return this;
  }

  BuildFixture dockerfile(String... lines) throws IOException {
    return file("Dockerfile", String.join("\n", lines) + "\n");
  }

  BuildResult build() throws Exception {
    return build(b -> b);
  }

  BuildResult build(UnaryOperator<BuildOptions.Builder> extra) throws Exception {
    BuildOptions options = extra.apply(BuildOptions.builder().noPush(true)
        .ociLayoutPath(java.util.Optional.of(layout))).build();
    return new ImageBuilder(options, root.resolve("work"), Clock.fixed(NOW, ZoneOffset.UTC))
        .build(context, context.resolve("Dockerfile"));
  }

  /** {@code umoci unpack} of the layout's {@code tag} into a fresh bundle; returns its rootfs. */
  Path unpack(String tag) throws Exception {
    Path bundle = root.resolve("bundle-" + System.nanoTime());
    Processes.run("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString());
    return bundle.resolve("rootfs");
  }

  JsonNode inspectConfig(String transport) throws Exception {
    return JSON.readTree(Processes.run("skopeo", "inspect", "--config", transport));
  }

  JsonNode inspect(String transport) throws Exception {
    return JSON.readTree(Processes.run("skopeo", "inspect", transport));
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
