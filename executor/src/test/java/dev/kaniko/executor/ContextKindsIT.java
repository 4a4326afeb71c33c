package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.testsupport.TestCertificates;
import dev.kaniko.testsupport.Umoci;
import dev.kaniko.testsupport.context.Azurite;
import dev.kaniko.testsupport.context.ContextTarballs;
import dev.kaniko.testsupport.context.GitHttpBackendServer;
import dev.kaniko.testsupport.context.GitRepositories;
import dev.kaniko.testsupport.context.LoopbackHttpServer;
import dev.kaniko.testsupport.context.OneObjectJsonApi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the packaged {@code bin/executor} builds a small {@code FROM scratch} + COPY image
 * from each kind of context (dir, tar file, tar on stdin, https, git, s3, azure, gs) into an OCI layout, and
 * the copied file is checked in the unpacked image.
 */
class ContextKindsIT {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();
  private static final String GIT_TOKEN = "ghp_e2eT0kenForKanikoContextTests";

  @TempDir Path temp;
  private Path context;

  @BeforeEach
  void fixture() throws IOException {
    context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /srv/hello.txt\n");
    Files.writeString(context.resolve("hello.txt"), "hello from the context\n");
  }

  private record Run(int exitCode, String err) {}

  private Run executor(Map<String, String> env, Path stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(EXECUTOR.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--no-push", "--oci-layout-path", temp.resolve("oci").toString(),
        "--kaniko-dir", temp.resolve("kaniko").toString()));
    Path err = temp.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(Files.createDirectories(temp.resolve("cwd")).toFile())
        .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("KANIKO_PLUGIN_DIR");
    builder.environment().putAll(env);
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    return new Run(process.exitValue(), Files.readString(err));
  }

  /** Asserts the build succeeded and the image holds {@code /srv/hello.txt} with {@code content}. */
  private void assertImageHolds(Run run, String content) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path rootfs = new Umoci().unpackRootfs(temp.resolve("oci"), "latest", temp.resolve("rootfs"));
    assertThat(rootfs.resolve("srv/hello.txt")).hasContent(content);
  }

  @Test
  void dirContext_isBuilt() throws Exception {
    Run run = executor(Map.of(), null, "--context", "dir://" + context);

    assertImageHolds(run, "hello from the context");
  }

  @Test
  void tarFileContext_isBuilt() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));

    Run run = executor(Map.of(), null, "--context", "tar://" + tarball);

    assertImageHolds(run, "hello from the context");
  }

  @Test
  void tarOnStdin_isBuilt() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));

    Run run = executor(Map.of(), tarball, "--context", "tar://stdin");

    assertImageHolds(run, "hello from the context");
  }

  @Test
  void httpsContext_isDownloadedFromALoopbackServerTrustedThroughJavaOpts() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));
    TestCertificates certs = TestCertificates.generate(temp.resolve("certs"), "kaniko e2e CA");
    Path trustStore = certs.writeTrustStore(temp.resolve("trust.p12"), "changeit".toCharArray());
    try (LoopbackHttpServer server = LoopbackHttpServer.https(exchange -> {
      if (exchange.getRequestURI().getPath().equals("/ctx/context.tar.gz")) {
        LoopbackHttpServer.respondWithFile(exchange, tarball);
      } else {
        LoopbackHttpServer.respond(exchange, 404, "not found\n");
      }
    }, certs, Files.createDirectories(temp.resolve("tls")))) {
      Run run = executor(Map.of("JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + trustStore
          + " -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12"),
          null, "--context", server.baseUrl() + "/ctx/context.tar.gz");

      assertImageHolds(run, "hello from the context");
    }
  }

  @Test
  void gitContext_isClonedOverSmartHttpOnTheBranchOfTheGitFlag() throws Exception {
    Path repos = Files.createDirectories(temp.resolve("repos"));
    GitRepositories git = new GitRepositories(repos);
    Path work = temp.resolve("work/repo");
    Files.createDirectories(work.getParent());
    git.commitTree(work, context);
    git.run(work, "git", "checkout", "-q", "-b", "feature");
    Files.writeString(work.resolve("hello.txt"), "hello from the feature branch\n");
    git.commitAll(work, "feature");
    git.run(work, "git", "checkout", "-q", "main");
    git.publish(work, "ctx.git");
    try (GitHttpBackendServer server = GitHttpBackendServer.start(repos, GIT_TOKEN)) {
      Map<String, String> env = Map.of("GIT_PULL_METHOD", "http", "GIT_TOKEN", GIT_TOKEN);
      String uri = "git://" + server.hostPort() + "/ctx.git";

      Run run = executor(env, null, "--context", uri, "--git", "branch=feature,single-branch=true");

      assertImageHolds(run, "hello from the feature branch");
      assertThat(run.err()).doesNotContain(GIT_TOKEN);
    }
  }

  @Test
  void bucketFlag_fetchesKanikosContextTarballThroughTheGcsPlugin() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));
    try (OneObjectJsonApi api = OneObjectJsonApi.serving("e2e-bucket", "context.tar.gz", tarball)) {
      Map<String, String> env = new HashMap<>();
      env.put("STORAGE_EMULATOR_HOST", api.url());

      Run run = executor(env, null, "--bucket", "e2e-bucket");

      assertImageHolds(run, "hello from the context");
    }
  }

  @Test
  void gsContext_isFetchedThroughTheGcsPlugin() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));
    try (OneObjectJsonApi api = OneObjectJsonApi.serving("e2e-bucket", "builds/ctx.tar.gz", tarball)) {
      Run run = executor(Map.of("STORAGE_EMULATOR_HOST", api.url()), null,
          "--context", "gs://e2e-bucket/builds/ctx.tar.gz");

      assertImageHolds(run, "hello from the context");
    }
  }

  @Test
  void s3Context_isFetchedFromS3ProxyThroughTheS3Plugin() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));
    try (BlobStoreContext store = ContextBuilder.newBuilder("transient")
        .credentials("unused", "unused").build(BlobStoreContext.class)) {
      BlobStore blobs = store.getBlobStore();
      blobs.createContainerInLocation(null, "e2e-bucket");
      blobs.putBlob("e2e-bucket",
          blobs.blobBuilder("builds/ctx.tar.gz").payload(tarball.toFile()).build());
      S3Proxy proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "AKIAKANIKOE2E", "e2eSecretKey")
          .build();
      proxy.start();
      try {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        Map<String, String> env = Map.of("S3_ENDPOINT", "http://127.0.0.1:" + proxy.getPort(),
            "S3_FORCE_PATH_STYLE", "true", "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "AKIAKANIKOE2E", "AWS_SECRET_ACCESS_KEY", "e2eSecretKey");

        Run run = executor(env, null, "--context", "s3://e2e-bucket/builds/ctx.tar.gz");

        assertImageHolds(run, "hello from the context");
        assertThat(run.err()).doesNotContain("e2eSecretKey");
      } finally {
        proxy.stop();
      }
    }
  }

  @Test
  void azureBlobContext_isFetchedFromAzuriteThroughTheAzurePlugin() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, temp.resolve("context.tar.gz"));
    try (Azurite azurite = Azurite.start(Files.createDirectories(temp.resolve("azurite")))) {
      azurite.putBlob("contexts", "builds/ctx.tar.gz", tarball);
      Map<String, String> env = Map.of("AZURE_STORAGE_CONNECTION_STRING",
          azurite.connectionString(Azurite.ACCOUNT_KEY));

      Run run = executor(env, null, "--context", "https://" + Azurite.ACCOUNT
          + ".blob.core.windows.net/contexts/builds/ctx.tar.gz");

      assertImageHolds(run, "hello from the context");
      assertThat(run.err()).doesNotContain(Azurite.ACCOUNT_KEY);
    }
  }
}
