package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Runs the packaged {@code bin/executor} for the layer-cache ITs (each build writes an OCI layout
 * and a report under the test's temp dir) and reads what they logged and built.
 */
final class CacheBuilds {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();
  private static final Pattern CACHE_LINE =
      Pattern.compile("cache (hit|miss) (\\S+:\\d+) .* key=([0-9a-f]{64})");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path temp;
  private int count;

  CacheBuilds(Path temp) {
    this.temp = temp;
  }

  /** One finished build: exit code, stderr, its layout and report. */
  record Build(int exit, String err, Path layout, Path report) {
    /** {@code hit}/{@code miss} per cacheable step, in log order. */
    List<String> cacheSequence() {
      List<String> out = new ArrayList<>();
      for (String line : err.lines().toList()) {
        Matcher m = CACHE_LINE.matcher(line);
        if (m.find()) {
          out.add(m.group(1));
        }
      }
      return out;
    }

    /** The cache keys logged, in order. */
    List<String> keys() {
      List<String> out = new ArrayList<>();
      for (String line : err.lines().toList()) {
        Matcher m = CACHE_LINE.matcher(line);
        if (m.find()) {
          out.add(m.group(3));
        }
      }
      return out;
    }

    String digest() throws IOException {
      return reportJson().get("digest").asText();
    }

    JsonNode reportJson() throws IOException {
      return JSON.readTree(report.toFile());
    }

    Build succeeded() {
      assertThat(exit).as(err).isZero();
      return this;
    }

    /** A file's content in the built image (top layer first; whiteouts are not expected). */
    String file(String path) throws IOException {
      return CacheBuilds.file(layout, path, in -> new String(in.readAllBytes(),
          StandardCharsets.UTF_8)).orElseThrow(
              () -> new AssertionError(path + " is not in the image of " + layout));
    }

    /** A file's md5 (hex) in the built image, streamed. */
    String md5(String path) throws IOException {
      return CacheBuilds.file(layout, path, in -> {
        try {
          MessageDigest md5 = MessageDigest.getInstance("MD5");
          in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), md5));
          return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
          throw new IOException(e);
        }
      }).orElseThrow(() -> new AssertionError(path + " is not in the image of " + layout));
    }
  }

  /** A started build (for parallel runs and kills). */
  record Started(Process process, Path err, Path layout, Path report) {
    Build await() throws Exception {
      assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("executor finished").isTrue();
      return new Build(process.exitValue(), Files.readString(err), layout, report);
    }
  }

  Build run(Path context, String... extra) throws Exception {
    return start(context, extra).await();
  }

  /** Starts {@code bin/executor} on {@code context} with --no-push, a layout and a report. */
  synchronized Started start(Path context, String... extra) throws Exception {
    int n = ++count;
    Path layout = temp.resolve("layout-" + n);
    Path report = temp.resolve("report-" + n + ".json");
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString(),
        "--kaniko-dir", Files.createTempDirectory(temp, "kaniko").toString(),
        "-c", context.toString(), "--no-push", "--oci-layout-path", layout.toString(),
        "--report", report.toString(), "--cache"));
    command.addAll(List.of(extra));
    Path err = temp.resolve("err-" + n + ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("KANIKO_PLUGIN_DIR");
    builder.environment().put("DOCKER_CONFIG",
        Files.createDirectories(temp.resolve("docker")).toString());
    return new Started(builder.start(), err, layout, report);
  }

  /** Writes {@code files} (name, content, name, content...) into a fresh context dir. */
  Path context(String name, String... files) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    for (int i = 0; i < files.length; i += 2) {
      Path file = dir.resolve(files[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files[i + 1]);
    }
    return dir;
  }

  /** How a test reads one file's bytes. */
  interface Reader {
    String read(InputStream in) throws IOException;
  }

  /** Reads {@code path} from the image in an OCI layout (its single manifest), top layer first. */
  static Optional<String> file(Path layout, String path, Reader reader) throws IOException {
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    JsonNode manifest = JSON.readTree(blob(layout, index.get("manifests").get(0)
        .get("digest").asText()).toFile());
    List<JsonNode> layers = new ArrayList<>();
    manifest.get("layers").forEach(layers::add);
    String wanted = path.startsWith("/") ? path.substring(1) : path;
    for (int i = layers.size() - 1; i >= 0; i--) {
      Optional<String> found = fromLayer(blob(layout, layers.get(i).get("digest").asText()),
          wanted, reader);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fromLayer(Path blob, String wanted, Reader reader)
      throws IOException {
    try (InputStream in = new GzipCompressorInputStream(
            new BufferedInputStream(Files.newInputStream(blob)));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        if (name.equals(wanted) && e.isFile()) {
          return Optional.of(reader.read(tar));
        }
      }
    }
    return Optional.empty();
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }
}
