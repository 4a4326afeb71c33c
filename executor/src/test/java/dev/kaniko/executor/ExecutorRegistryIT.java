package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.FaultInjectingProxy;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/executor} against real registries at {@code --verbosity trace}: retries
 * through a fault-injecting proxy, TLS + basic auth (config.json, a credential helper script, a
 * wrong password, untrusted and skipped verification), mirrors and maps, and the outputs. Every
 * run's output is kept; the last test scans it for the secrets used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutorRegistryIT {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();
  private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();
  private static final List<String> OUTPUTS = new ArrayList<>();

  @RegisterExtension static RegistryExtension plain = RegistryExtension.plain();
  @RegisterExtension static RegistryExtension secure = RegistryExtension.tlsWithAuth();

  @TempDir Path temp;

  /** One executor run: exit code and all of its output (stdout then stderr). */
  record Run(int exit, String out, String err) {
    String lastErrLine() {
      List<String> lines = err.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    long errorLines() {
      return err.lines().filter(line -> line.startsWith("error:")).count();
    }
  }

  private Run executor(Map<String, String> env, String... args) throws Exception {
    Path kanikoDir = Files.createTempDirectory(temp, "kaniko");
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString(), "--verbosity", "trace",
        "--kaniko-dir", kanikoDir.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    synchronized (OUTPUTS) {
      OUTPUTS.add(String.join(" ", args) + "\n" + run.out() + run.err());
    }
    return run;
  }

  private Path context(String dockerfile) throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("hello.txt"), "hello " + UUID.randomUUID() + "\n");
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    return context;
  }

  private Path dockerConfig(String json) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("docker-" + UUID.randomUUID()));
    Files.writeString(dir.resolve("config.json"), json);
    return dir;
  }

  private Map<String, String> env(Path dockerConfig) {
    return Map.of("DOCKER_CONFIG", dockerConfig.toString());
  }

  private static final String SIMPLE = "FROM scratch\nCOPY hello.txt /\nCMD [\"/hello.txt\"]\n";

  @Test
  @Order(1)
  void push_retriesInjected503s_withPushRetry_andWritesTheReport() throws Exception {
    Path context = context(SIMPLE);
    Path report = temp.resolve("report.json");
    Path digestFile = temp.resolve("digest");
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(plain.host(),
        FaultInjectingProxy.manifestPuts(), 503, 2)) {
      String destination = proxy.host() + "/retry/app:1";

      Run run = executor(env(dockerConfig("{}")), "-c", context.toString(), "-d", destination,
          "--push-retry", "3", "--digest-file", digestFile.toString(),
          "--report", report.toString());

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(proxy.faultsInjected()).isEqualTo(2);
      assertThat(run.err()).contains("retrying");
    }
    String pushed = new Skopeo().manifestDigest(
        Skopeo.docker(plain.reference("retry/app:1")), plain.access());
    assertThat(digestFile).hasContent(pushed);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("digest").asText()).isEqualTo(pushed);
    assertThat(json.get("layers")).hasSize(1);
    assertThat(json.get("layers").get(0).get("size").asLong()).isPositive();
    assertThat(json.get("phasesMillis").has("push")).isTrue();
  }

  @Test
  @Order(2)
  void push_without503Retries_failsWithOneLine() throws Exception {
    Path context = context(SIMPLE);
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(plain.host(),
        FaultInjectingProxy.manifestPuts(), 503, 2)) {
      String destination = proxy.host() + "/retry/fails:1";

      Run run = executor(env(dockerConfig("{}")), "-c", context.toString(), "-d", destination);

      assertThat(run.exit()).isEqualTo(1);
      assertThat(proxy.faultsInjected()).isEqualTo(1);
      assertThat(run.errorLines()).isEqualTo(1);
      assertThat(run.lastErrLine()).startsWith("error: ").contains(proxy.host()).contains("503");
    }
  }

  @Test
  @Order(3)
  void tlsBasicAuth_fromConfigJson_toTwoDestinations_withOutputs_andSecondPushUploadsNothing()
      throws Exception {
    Path context = context(SIMPLE);
    Path config = secure.dockerConfig().writeTo(temp.resolve("docker"));
    String first = secure.reference("two/app:1");
    String second = secure.reference("two/other:latest");
    Path digestFile = temp.resolve("digest");
    Path names = temp.resolve("names");
    Path tar = temp.resolve("image.tar");
    Path layout = temp.resolve("oci");

    Run run = executor(env(config), "-c", context.toString(), "-d", first, "-d", second,
        "--reproducible", "--registry-certificate", secure.host() + "=" + secure.caCert(),
        "--digest-file", digestFile.toString(), "--image-name-with-digest-file", names.toString(),
        "--tar-path", tar.toString(), "--oci-layout-path", layout.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    Skopeo skopeo = new Skopeo();
    String digest = skopeo.manifestDigest(Skopeo.docker(first), secure.access());
    assertThat(skopeo.manifestDigest(Skopeo.docker(second), secure.access())).isEqualTo(digest);
    assertThat(digestFile).hasContent(digest);
    assertThat(Files.readString(names)).contains(secure.host() + "/two/app@" + digest);
    JsonNode archive = skopeo.inspect("docker-archive:" + tar, null);
    assertThat(archive.get("Layers")).hasSize(1);
    assertThat(skopeo.manifestDigest(Skopeo.ociLayout(layout, "1"), null)).isEqualTo(digest);
    umociStat(layout, "1");

    long mark = secure.log().mark();
    Run again = executor(env(config), "-c", context.toString(), "-d", first, "--reproducible",
        "--registry-certificate", secure.host() + "=" + secure.caCert());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(secure.log().blobUploadsSince(mark)).isZero();
  }

  private static void umociStat(Path layout, String tag) throws Exception {
    // umoci's text format dereferences every history "created": --reproducible must set them.
    assertThat(umoci(layout, tag)).contains("LAYER", "CREATED");
    String json = umoci(layout, tag, "--json");
    assertThat(new ObjectMapper().readTree(json).get("history")).isNotEmpty();
  }

  private static String umoci(Path layout, String tag, String... extra) throws Exception {
    List<String> command = new ArrayList<>(List.of("umoci", "stat", "--image", layout + ":" + tag));
    command.addAll(List.of(extra));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  @Order(4)
  void tlsBasicAuth_fromACredentialHelperScript() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path helper = bin.resolve("docker-credential-kfbtest");
    Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 1\nread url\n"
        + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + secure.username()
        + "\",\"Secret\":\"" + secure.password() + "\"}' \"$url\"\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path config = dockerConfig("{\"credHelpers\":{\"" + secure.host() + "\":\"kfbtest\"}}");
    String destination = secure.reference("helper/app:1");

    Run run = executor(Map.of("DOCKER_CONFIG", config.toString(),
            "PATH", bin + ":" + System.getenv("PATH")),
        "-c", context(SIMPLE).toString(), "-d", destination,
        "--registry-certificate", secure.host() + "=" + secure.caCert());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(new Skopeo().manifestDigest(Skopeo.docker(destination), secure.access()))
        .startsWith("sha256:");
  }

  @Test
  @Order(5)
  void tlsBasicAuth_wrongPassword_failsWithOneLine() throws Exception {
    Path config = dockerConfig("{\"auths\":{\"" + secure.host() + "\":{\"auth\":\""
        + Base64.getEncoder().encodeToString((secure.username() + ":" + WRONG_PASSWORD)
            .getBytes(StandardCharsets.UTF_8)) + "\"}}}");

    Run run = executor(env(config), "-c", context(SIMPLE).toString(),
        "-d", secure.reference("wrong/app:1"),
        "--registry-certificate", secure.host() + "=" + secure.caCert());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errorLines()).isEqualTo(1);
    assertThat(run.lastErrLine()).startsWith("error: ").containsIgnoringCase("unauthorized")
        .contains(secure.host());
  }

  @Test
  @Order(6)
  void tls_untrustedByDefault_failsClearly_andSkipTlsVerifyIsAccepted() throws Exception {
    Path config = secure.dockerConfig().writeTo(temp.resolve("docker"));
    Path context = context(SIMPLE);
    String destination = secure.reference("skip/app:1");

    Run untrusted = executor(env(config), "-c", context.toString(), "-d", destination);
    assertThat(untrusted.exit()).isEqualTo(1);
    assertThat(untrusted.errorLines()).isEqualTo(1);
    assertThat(untrusted.lastErrLine()).startsWith("error: ").contains("TLS")
        .contains(secure.host());

    Run skipped = executor(env(config), "-c", context.toString(), "-d", destination,
        "--skip-tls-verify");
    assertThat(skipped.exit()).as(skipped.err()).isZero();
    assertThat(new Skopeo().manifestDigest(Skopeo.docker(destination), secure.access()))
        .startsWith("sha256:");
  }

  @Test
  @Order(7)
  void from_dockerHubImage_throughAMirror_afterADeadOne() throws Exception {
    BaseImages.pushBusybox(plain, "library/busybox:latest", ImageFormat.OCI);
    Path layout = temp.resolve("oci");

    Run run = executor(env(dockerConfig("{}")), "-c",
        context("FROM busybox\nCOPY hello.txt /\n").toString(), "--no-push",
        "--registry-mirror", "127.0.0.1:" + deadPort(), "--registry-mirror", plain.host(),
        "--skip-default-registry-fallback", "--oci-layout-path", layout.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode manifest = new Skopeo().inspect(Skopeo.ociLayout(layout, "latest"), null);
    assertThat(manifest.get("Layers")).hasSize(2);
  }

  @Test
  @Order(8)
  void from_aMappedRegistry() throws Exception {
    BaseImages.pushBusybox(plain, "mapped/busybox:1", ImageFormat.OCI);
    Path layout = temp.resolve("oci");

    Run run = executor(env(dockerConfig("{}")), "-c",
        context("FROM nowhere.invalid/mapped/busybox:1\nCOPY hello.txt /\n").toString(),
        "--no-push", "--registry-map", "nowhere.invalid=" + plain.host(),
        "--oci-layout-path", layout.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("nowhere.invalid/v2");
    JsonNode manifest = new Skopeo().inspect(Skopeo.ociLayout(layout, "latest"), null);
    assertThat(manifest.get("Layers")).hasSize(2);
  }

  @Test
  @Order(100)
  void traceOutputOfEveryRun_holdsNoPasswordOrToken() {
    List<String> secrets = List.of(secure.password(), WRONG_PASSWORD,
        basic(secure.username(), secure.password()), basic(secure.username(), WRONG_PASSWORD));
    synchronized (OUTPUTS) {
      assertThat(OUTPUTS).as("runs recorded").hasSizeGreaterThanOrEqualTo(8);
      assertThat(String.join("\n", OUTPUTS)).as("trace output").contains("build options:")
          .contains("TRACE ");
      for (String output : OUTPUTS) {
        for (String secret : secrets) {
          assertThat(output).doesNotContain(secret);
        }
        assertThat(output).doesNotContainIgnoringCase("authorization: basic")
            .doesNotContainIgnoringCase("authorization: bearer");
      }
    }
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static int deadPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
