package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.DockerConfigBuilder;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/executor --verbosity trace} against a registry with bearer-token auth: a build FROM
 * an image there, pushed there, with config.json credentials; the output never holds the password or a token.
 */
class ExecutorTokenAuthIT {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();

  @RegisterExtension static RegistryExtension registry = RegistryExtension.tlsWithTokenAuth();

  @TempDir Path temp;

  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Run executor(Path dockerConfig, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString(), "--verbosity", "trace",
        "--kaniko-dir", Files.createTempDirectory(temp, "kaniko").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Path context() throws Exception {
    BaseImages.pushBusybox(registry, "token/busybox:1", ImageFormat.OCI);
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("hello.txt"), "hello " + UUID.randomUUID() + "\n");
    Files.writeString(context.resolve("Dockerfile"),
        "FROM " + registry.reference("token/busybox:1") + "\nCOPY hello.txt /\n");
    return context;
  }

  @Test
  void push_withBearerToken_atTraceLevel_succeeds_andNoPasswordOrTokenIsPrinted() throws Exception {
    Path context = context();
    Path config = registry.dockerConfig().writeTo(temp.resolve("docker"));
    String destination = registry.reference("token/app:1");

    Run run = executor(config, "-c", context.toString(), "-d", destination,
        "--registry-certificate", registry.host() + "=" + registry.caCert());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.all()).contains("TRACE ");
    assertThat(new Skopeo().manifestDigest(Skopeo.docker(destination), registry.access())).startsWith("sha256:");
    List<String> tokens = registry.tokenServer().issuedTokens();
    assertThat(tokens).isNotEmpty();
    assertNoSecrets(run, tokens, registry.password());
  }

  @Test
  void push_wrongPassword_failsWithOneClearLine_withoutPrintingIt() throws Exception {
    Path context = context();
    String wrong = "wrong-" + UUID.randomUUID();
    Path config = DockerConfigBuilder.create().auth(registry.host(), registry.username(), wrong)
        .writeTo(temp.resolve("docker-wrong"));
    int refusedBefore = registry.tokenServer().refusedRequests();

    Run run = executor(config, "-c", context.toString(), "-d", registry.reference("token/wrong:1"),
        "--registry-certificate", registry.host() + "=" + registry.caCert());

    assertThat(run.exit()).isNotZero();
    assertThat(run.err().lines().filter(line -> line.startsWith("error:")).toList()).as(run.err()).hasSize(1)
        .allSatisfy(line -> assertThat(line).contains(registry.host()));
    assertThat(registry.tokenServer().refusedRequests()).isGreaterThan(refusedBefore);
    assertNoSecrets(run, registry.tokenServer().issuedTokens(), wrong);
  }

  private void assertNoSecrets(Run run, List<String> tokens, String password) {
    List<String> secrets = new ArrayList<>(List.of(password, registry.password(),
        basic(registry.username(), password), basic(registry.username(), registry.password())));
    secrets.addAll(tokens);
    for (String secret : secrets) {
      assertThat(run.all()).doesNotContain(secret);
    }
    for (String token : tokens) { // nor the signature alone
      assertThat(run.all()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }
    assertThat(run.all()).doesNotContainIgnoringCase("authorization: basic")
        .doesNotContainIgnoringCase("authorization: bearer");
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
