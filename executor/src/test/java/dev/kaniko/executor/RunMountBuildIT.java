package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Umoci;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * RUN --mount (bind from the context and a stage, rw, cache, tmpfs, secret file and env) and
 * --network=none through the packaged executor in chroot mode, FROM the harness busybox: what RUN
 * saw is written into the image; mount targets, secret values and whiteouts are not.
 */
class RunMountBuildIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();

  @TempDir Path temp;

  @Test
  void runMounts_contentVisibleInRun_absentFromTheImage_secretsNowhere() throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    String fileSecret = "file-s3cr3t-" + UUID.randomUUID();
    String envSecret = "env-s3cr3t-" + UUID.randomUUID();
    Path secretFile = temp.resolve("token.txt");
    Files.writeString(secretFile, fileSecret);
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("ctx.txt"), "from-context\n");
    Files.writeString(context.resolve("ignored.txt"), "excluded by .dockerignore\n");
    Files.createDirectories(context.resolve("logs"));
    Files.writeString(context.resolve("logs/build.log"), "excluded directory\n");
    Files.writeString(context.resolve(".dockerignore"), "ignored.txt\nlogs\n");
    String port = String.valueOf(URI.create("http://" + registry.reference("x")).getPort());
    // a TCP connect to the harness registry (busybox's static wget crashes on this host's libc)
    String probe = "nc -w 3 127.0.0.1 " + port + " </dev/null";
    Files.writeString(context.resolve("Dockerfile"), String.join("\n",
        "FROM " + registry.reference(BaseImages.BUSYBOX) + " AS data",
        "RUN mkdir -p /data && echo from-stage > /data/s.txt",
        "FROM " + registry.reference(BaseImages.BUSYBOX),
        "ARG BUILD",
        "RUN --mount=target=/ctx cat /ctx/ctx.txt > /seen-ctx && if touch /ctx/x 2>/dev/null; then echo writable > /seen-ro; fi",
        "RUN --mount=from=data,source=/data,target=/mnt/stage cat /mnt/stage/s.txt > /seen-stage",
        "RUN --mount=target=/ctx,rw echo changed > /ctx/ctx.txt && echo w > /ctx/new && cat /ctx/ctx.txt > /seen-rw"
            + " && ls /ctx > /seen-rw-ls",
        "RUN --mount=target=/ctx cat /ctx/ctx.txt > /seen-after-rw && ls /ctx > /seen-after-rw-ls",
        "RUN --mount=type=cache,target=/var/cache/app,id=app ls /var/cache/app > /seen-cache"
            + " && echo $BUILD > /var/cache/app/build-$BUILD",
        "RUN --mount=type=tmpfs,target=/tmp/t,size=1m echo t > /tmp/t/f && grep ' /tmp/t tmpfs' /proc/mounts"
            + " | cut -d' ' -f2,3 > /seen-tmpfs",
        "RUN --mount=type=tmpfs,target=/root true",
        "RUN --mount=type=secret,id=tok sha256sum /run/secrets/tok | cut -d' ' -f1 > /seen-secret"
            + " && stat -c %a /run/secrets/tok > /seen-secret-mode",
        "RUN --mount=type=secret,id=tokenv,env=TOKEN printf %s \"$TOKEN\" | sha256sum | cut -d' ' -f1"
            + " > /seen-secret-env",
        "RUN --network=none sh -c 'cut -d: -f1 /proc/net/dev | tail -n +3 | tr -d \" \" > /seen-net;"
            + " nc -w 1 127.0.0.1 1 </dev/null 2>&1 | grep -o \"refused\\|unreachable\" > /seen-lo;"
            + " if " + probe + "; then echo reachable;"
            + " else echo unreachable; fi > /seen-net-none'",
        "RUN if " + probe + "; then echo reachable;"
            + " else echo unreachable; fi > /seen-net-default",
        ""));
    Path kanikoDir = temp.resolve("kaniko");

    Build first = executor(context, kanikoDir, "first", envSecret, secretFile, "1");
    Path rootfs = new Umoci().unpackRootfs(first.layout, "latest", temp.resolve("first-rootfs"));

    assertThat(rootfs.resolve("seen-ctx")).hasContent("from-context");
    assertThat(rootfs.resolve("seen-ro")).doesNotExist();
    assertThat(rootfs.resolve("seen-stage")).hasContent("from-stage");
    assertThat(rootfs.resolve("seen-rw")).hasContent("changed");
    assertThat(rootfs.resolve("seen-after-rw")).hasContent("from-context");
    assertThat(Files.readString(rootfs.resolve("seen-after-rw-ls")).lines().toList())
        .containsExactly("Dockerfile", "ctx.txt");
    assertThat(Files.readString(rootfs.resolve("seen-rw-ls")).lines().toList())
        .containsExactly("Dockerfile", "ctx.txt", "new");
    assertThat(context.resolve("ctx.txt")).hasContent("from-context");
    assertThat(rootfs.resolve("seen-cache")).isEmptyFile();
    assertThat(rootfs.resolve("seen-tmpfs")).hasContent("/tmp/t tmpfs");
    assertThat(rootfs.resolve("seen-secret")).hasContent(sha256(fileSecret));
    assertThat(rootfs.resolve("seen-secret-mode")).hasContent("400");
    assertThat(rootfs.resolve("seen-secret-env")).hasContent(sha256(envSecret));
    assertThat(rootfs.resolve("seen-net")).hasContent("lo");
    assertThat(rootfs.resolve("seen-lo")).as("lo is up: a closed port refuses").hasContent("refused");
    assertThat(rootfs.resolve("seen-net-none")).hasContent("unreachable");
    assertThat(rootfs.resolve("seen-net-default")).hasContent("reachable");
    for (String target : List.of("ctx", "mnt", "var/cache/app", "tmp/t", "run/secrets")) {
      assertThat(rootfs.resolve(target)).as(target).doesNotExist();
    }
    assertThat(rootfs.resolve("root")).isDirectory();

    List<String> entries = layerEntries(first.layout);
    assertThat(entries).noneMatch(e -> e.contains(".wh."));
    assertThat(entries).noneMatch(e -> e.startsWith("ctx") || e.startsWith("mnt")
        || e.startsWith("var/cache/app") || e.startsWith("tmp/t") || e.startsWith("run/secrets"));
    assertThat(first.log).contains("RUN --mount=type=secret,id=tok");
    for (String secret : List.of(fileSecret, envSecret)) {
      assertThat(first.log).doesNotContain(secret);
      assertThat(treeContains(first.layout, secret)).as("secret in the OCI layout").isFalse();
      assertThat(treeContains(kanikoDir, secret)).as("secret in the kaniko dir").isFalse();
    }

    Build second = executor(context, kanikoDir, "second", envSecret, secretFile, "2");
    Path rootfs2 = new Umoci().unpackRootfs(second.layout, "latest", temp.resolve("second-rootfs"));
    assertThat(rootfs2.resolve("seen-cache")).hasContent("build-1");
    assertThat(rootfs2.resolve("var/cache/app")).doesNotExist();
  }

  @Test
  void runMountSecret_requiredButNotGiven_failsWithTheDockerfileLine() throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), "FROM " + registry.reference(BaseImages.BUSYBOX)
        + "\n\nRUN --mount=type=secret,id=missing,required true\n");
    Process process = start(context, temp.resolve("kaniko"), "missing", List.of());
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    List<String> err = Files.readAllLines(temp.resolve("missing-err.txt"));
    assertThat(err.get(err.size() - 1)).isEqualTo("error: Dockerfile:3: RUN --mount=type=secret: secret missing"
        + " not found (give it with --secret id=missing,src=PATH or env=VAR)");
  }

  private record Build(Path layout, String log) {}

  private Build executor(Path context, Path kanikoDir, String name, String envSecret, Path secretFile,
      String build) throws Exception {
    Process process = start(context, kanikoDir, name, List.of("--build-arg", "BUILD=" + build,
        "--secret", "id=tok,src=" + secretFile, "--secret", "id=tokenv,env=MY_TOKEN",
        "--verbosity", "debug"), envSecret);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("executor finished").isTrue();
    String log = Files.readString(temp.resolve(name + "-out.txt"))
        + Files.readString(temp.resolve(name + "-err.txt"));
    assertThat(process.exitValue()).as(log).isZero();
    return new Build(temp.resolve(name + "-oci"), log);
  }

  private Process start(Path context, Path kanikoDir, String name, List<String> extra, String... envSecret)
      throws Exception {
    Path docker = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(docker.resolve("config.json"), "{}");
    List<String> argv = new ArrayList<>(List.of(EXECUTOR.toString(), "-c", context.toString(),
        "--no-push", "--oci-layout-path", temp.resolve(name + "-oci").toString(),
        "--kaniko-dir", kanikoDir.toString()));
    argv.addAll(extra);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(temp.toFile())
        .redirectOutput(temp.resolve(name + "-out.txt").toFile())
        .redirectError(temp.resolve(name + "-err.txt").toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("DOCKER_CONFIG", docker.toString());
    if (envSecret.length > 0) {
      builder.environment().put("MY_TOKEN", envSecret[0]);
    }
    return builder.start();
  }

  /** Every entry of every layer of the layout's one image. */
  private static List<String> layerEntries(Path layout) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode index = json.readTree(layout.resolve("index.json").toFile());
    JsonNode manifest = json.readTree(blob(layout, index.get("manifests").get(0).get("digest").asText()).toFile());
    List<String> names = new ArrayList<>();
    for (JsonNode layer : manifest.get("layers")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(blob(layout, layer.get("digest").asText())));
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          names.add(e.getName());
        }
      }
    }
    return names;
  }

  /** Whether any file under {@code root} holds {@code text}, gzip blobs decompressed. */
  private static boolean treeContains(Path root, String text) throws Exception {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (contains(Files.readAllBytes(file), needle) || contains(gunzip(file), needle)) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] gunzip(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (Exception e) {
      return new byte[0];
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
