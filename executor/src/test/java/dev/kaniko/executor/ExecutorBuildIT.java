package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import dev.kaniko.testsupport.Umoci;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Builds the repository's {@code example/} with the packaged {@code bin/executor}. */
class ExecutorBuildIT {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();
  private static final Path EXAMPLE = Path.of("../example").toAbsolutePath().normalize();

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  @TempDir Path temp;

  private int executor(Path err, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    // The host may look like a container: keep kaniko's own dir inside the test's temp dir.
    builder.environment().put("KANIKO_DIR", temp.resolve("kaniko").toString());
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    return process.exitValue();
  }

  @Test
  void example_buildsReproduciblyIntoOciLayoutAndDockerArchive() throws Exception {
    Path layout = temp.resolve("oci");
    Path tar = temp.resolve("example.tar");
    Path digest = temp.resolve("digest");
    Path err = temp.resolve("err.txt");

    int exit = executor(err, "--context", "dir://" + EXAMPLE, "--no-push", "--reproducible",
        "--destination", "registry.example/kaniko/example:1.0",
        "--oci-layout-path", layout.toString(), "--tar-path", tar.toString(),
        "--digest-file", digest.toString());

    assertThat(exit).as(Files.readString(err)).isZero();
    Skopeo skopeo = new Skopeo();
    String image = Skopeo.ociLayout(layout, "1.0");
    assertThat(skopeo.manifestDigest(image, null)).isEqualTo(Files.readString(digest));
    JsonNode config = skopeo.inspectConfig(image, null);
    assertThat(config.get("config").get("WorkingDir").asText()).isEqualTo("/srv/app");
    assertThat(config.get("config").get("Labels").get("org.opencontainers.image.version")
        .asText()).isEqualTo("1.0");
    assertThat(config.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    JsonNode archive = skopeo.inspectConfig("docker-archive:" + tar, null);
    assertThat(archive.get("rootfs")).isEqualTo(config.get("rootfs"));

    Path rootfs = new Umoci().unpackRootfs(layout, "1.0", temp.resolve("rootfs"));
    assertThat(rootfs.resolve("srv/app/config.properties")).hasContent("greeting=hello\nport=8080");
    assertThat(rootfs.resolve("srv/app/static/index.html")).exists();
    Path hello = rootfs.resolve("srv/app/bin/hello");
    assertThat((Integer) Files.getAttribute(hello, "unix:mode") & 0777).isEqualTo(0755);

    Path again = temp.resolve("digest2");
    assertThat(executor(err, "-c", EXAMPLE.toString(), "--no-push", "--reproducible",
        "--destination", "registry.example/kaniko/example:1.0", "--digest-file", again.toString()))
        .isZero();
    assertThat(again).hasContent(Files.readString(digest));
  }

  @Test
  void example_isPushedToTheDestinations() throws Exception {
    Path docker = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(docker.resolve("config.json"), "{}");
    Path names = temp.resolve("names");
    Path err = temp.resolve("err.txt");
    String destination = registry.reference("kaniko/example:1.0");

    int exit = executorWithEnv(err, docker, "-c", EXAMPLE.toString(), "-d", destination,
        "--image-name-tag-with-digest-file", names.toString(), "--push-retry", "1");

    assertThat(exit).as(Files.readString(err)).isZero();
    String digest = new Skopeo().manifestDigest(Skopeo.docker(destination), registry.access());
    assertThat(names).hasContent(destination + "@" + digest);
  }

  private int executorWithEnv(Path err, Path dockerConfig, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    // The host may look like a container: keep kaniko's own dir inside the test's temp dir.
    builder.environment().put("KANIKO_DIR", temp.resolve("kaniko").toString());
    builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    return process.exitValue();
  }

  @Test
  void dockerfileError_isOneLineWithTheDockerfileLine() throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY nothing.txt /\n");
    Path err = temp.resolve("err.txt");

    int exit = executor(err, "-c", context.toString(), "--no-push");

    assertThat(exit).isEqualTo(1);
    assertThat(Files.readString(err).strip().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("error: Dockerfile:2: source nothing.txt not found in the build context");
  }
}
