package dev.kaniko.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One directory of {@code src/test/resources/dockerfiles/}: a {@code Dockerfile}, an optional
 * {@code context/} tree, an optional {@code setup.sh} (run with {@code sh -e} in the copied context,
 * for hard links, owners, archives) and {@code expect.json} (see docs/testing.md).
 */
record DockerfileCase(String name, Path dir, JsonNode expect) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROOT = Path.of("src/test/resources/dockerfiles").toAbsolutePath();

  /** Every case, sorted by name. */
  static List<DockerfileCase> all() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      List<DockerfileCase> cases = new ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path expect = dir.resolve("expect.json");
        if (!Files.exists(expect)) {
          throw new IllegalStateException("case " + dir.getFileName() + " has no expect.json");
        }
        cases.add(new DockerfileCase(dir.getFileName().toString(), dir, JSON.readTree(expect.toFile())));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode get(String field) {
    JsonNode node = expect.get(field);
    return node == null ? MissingNode.getInstance() : node;
  }

  /** The Dockerfile path inside the context ({@code "dockerfile"}, default {@code Dockerfile}). */
  String dockerfile() {
    return get("dockerfile").asText("Dockerfile");
  }

  /** {@code "target"} or null. */
  String target() {
    return expect.hasNonNull("target") ? expect.get("target").asText() : null;
  }

  Map<String, String> buildArgs() {
    return strings(get("buildArgs"));
  }

  Map<String, String> labels() {
    return strings(get("labels"));
  }

  /** Executor flags beyond context, Dockerfile, build args, target and labels. */
  List<String> extraFlags() {
    List<String> flags = new ArrayList<>();
    get("flags").forEach(f -> flags.add(f.asText()));
    return flags;
  }

  /** The expected one-line error of a build that must fail, or null. */
  String error() {
    return expect.hasNonNull("error") ? expect.get("error").asText() : null;
  }

  /** The written reason this case is not built with buildah, or null. */
  String buildahSkip() {
    return get("buildah").hasNonNull("skip") ? get("buildah").get("skip").asText() : null;
  }

  /**
   * Paths left out of the buildah comparison ({@code buildah.ignore}: path to the written reason
   * why buildah's entry differs from docker's); the case's own expectations still check them.
   */
  java.util.Set<String> buildahIgnored() {
    java.util.Set<String> paths = new java.util.TreeSet<>();
    get("buildah").path("ignore").fields().forEachRemaining(e -> {
      if (e.getValue().asText().isBlank()) {
        throw new IllegalStateException(name + ": buildah.ignore." + e.getKey() + " needs a reason");
      }
      paths.add(dev.kaniko.testsupport.ImageTree.normalize(e.getKey()));
    });
    return paths;
  }

  /** {@code "parent"}: a Dockerfile of the case built first and given as build arg PARENT. */
  String parentDockerfile() {
    return expect.hasNonNull("parent") ? expect.get("parent").asText() : null;
  }

  /**
   * Makes a fresh context in {@code into}: a copy of {@code context/} (links kept), the case's
   * {@code Dockerfile} at {@link #dockerfile()} unless the context has it, then {@code setup.sh}.
   */
  Path prepareContext(Path into) throws IOException, InterruptedException {
    Files.createDirectories(into);
    Path source = dir.resolve("context");
    if (Files.isDirectory(source)) {
      copyTree(source, into);
      normalizeModes(into);
    }
    Path dockerfile = into.resolve(dockerfile());
    if (!Files.exists(dockerfile, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dockerfile.getParent());
      Files.copy(dir.resolve("Dockerfile"), dockerfile);
    }
    Path setup = dir.resolve("setup.sh");
    if (Files.exists(setup)) {
      Process process = new ProcessBuilder("sh", "-e", setup.toString()).directory(into.toFile())
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(name + "/setup.sh failed: " + output);
      }
    }
    return into;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(d).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        Files.copy(f, to.resolve(from.relativize(f).toString()), LinkOption.NOFOLLOW_LINKS,
            StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** A checkout's modes depend on the umask: files 0644 (0755 when executable), directories 0755. */
  private static void normalizeModes(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(p -> !Files.isSymbolicLink(p)).toList()) {
        String mode = Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--";
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
      }
    }
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  @Override
  public String toString() {
    return name;
  }
}
