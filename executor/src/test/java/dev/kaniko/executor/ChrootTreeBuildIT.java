package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaniko.core.build.BuildResult;
import dev.kaniko.core.build.ImageBuilder;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import dev.kaniko.testsupport.Umoci;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * RUN in chroot mode FROM the harness busybox: the pushed image, unpacked by umoci, holds exactly
 * the tree, modes and owners the command left (whiteouts, opaque directories, links, setuid).
 */
class ChrootTreeBuildIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();

  @TempDir Path temp;

  private static final String RUN = String.join(" && \\\n  ",
      "RUN echo created > /etc/created.txt",
      "echo 'svc:x:2000:3000::/:/bin/sh' >> /etc/passwd",
      "rm /etc/group",
      "rm -rf /home/app",
      "chmod 0750 /root && chown 1000:1000 /root",
      // the old directory lives until the new one exists, so the new one cannot reuse its inode
      "mv /usr/sbin /usr/sbin.old && mkdir /usr/sbin && echo tool > /usr/sbin/tool"
          + " && chmod 0711 /usr/sbin/tool && rm -rf /usr/sbin.old",
      "mkdir -p /srv/new/sub && echo deep > /srv/new/sub/f",
      "ln -s /etc/created.txt /srv/abs-link && ln -s ../etc/passwd /srv/rel-link",
      "ln /etc/created.txt /srv/hard",
      "echo s > /srv/suid && chmod 4755 /srv/suid",
      "echo g > /srv/sgid && chmod 2750 /srv/sgid",
      "echo o > /srv/owned && chown 2000:3000 /srv/owned",
      "mkdir /srv/private && chown 1000:1000 /srv/private && chmod 0700 /srv/private") + "\n";

  @Test
  void run_changesOfTheBase_pushedImageHoldsExactlyTheExpectedTree() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, ImageFormat.OCI);
    String destination = registry.reference("built/tree:1");

    BuildResult result = build("ARG BASE\nFROM $BASE\n" + RUN, destination);

    Path pulled = temp.resolve("pulled");
    new Skopeo().copy(Skopeo.docker(destination), Skopeo.ociLayout(pulled, "built"))
        .sourceAccess(registry.access()).run();
    new Skopeo().copy(Skopeo.docker(base.reference()), Skopeo.ociLayout(pulled, "base"))
        .sourceAccess(registry.access()).run();
    assertThat(new Skopeo().manifestDigest(Skopeo.ociLayout(pulled, "built"), null))
        .isEqualTo(result.digest());
    Path built = new Umoci().unpackRootfs(pulled, "built", temp.resolve("built"));
    Path before = new Umoci().unpackRootfs(pulled, "base", temp.resolve("base"));

    Map<String, String> expected = listing(before);
    expected.remove("etc/group");
    expected.keySet().removeIf(p -> p.equals("home/app") || p.startsWith("usr/sbin/"));
    expected.put("etc/created.txt", "file 0644 0:0 8");
    expected.put("etc/passwd", expected.get("etc/passwd").replaceAll(" \\d+$", " "
        + Files.size(built.resolve("etc/passwd"))));
    expected.put("root", "dir 0750 1000:1000");
    expected.put("usr/sbin/tool", "file 0711 0:0 5");
    expected.put("srv", "dir 0755 0:0");
    expected.put("srv/new", "dir 0755 0:0");
    expected.put("srv/new/sub", "dir 0755 0:0");
    expected.put("srv/new/sub/f", "file 0644 0:0 5");
    expected.put("srv/abs-link", "link 0:0 -> /etc/created.txt");
    expected.put("srv/rel-link", "link 0:0 -> ../etc/passwd");
    expected.put("srv/hard", "file 0644 0:0 8");
    expected.put("srv/suid", "file 4755 0:0 2");
    expected.put("srv/sgid", "file 2750 0:0 2");
    expected.put("srv/owned", "file 0644 2000:3000 2");
    expected.put("srv/private", "dir 0700 1000:1000");
    assertThat(listing(built)).containsExactlyEntriesOf(expected);
    assertThat(built.resolve("etc/passwd")).content().endsWith("svc:x:2000:3000::/:/bin/sh\n");
    assertThat(Files.getAttribute(built.resolve("srv/hard"), "unix:ino"))
        .isEqualTo(Files.getAttribute(built.resolve("etc/created.txt"), "unix:ino"));

    List<String> entries = lastLayerEntries(pulled, "built");
    assertThat(entries).contains("etc/.wh.group", "home/.wh.app", "usr/sbin/.wh..wh..opq",
        "usr/sbin/tool", "srv/hard");
    assertThat(entries).noneMatch(e -> e.startsWith("usr/sbin/.wh.") && !e.endsWith(".opq"));
    assertThat(entries).noneMatch(e -> e.startsWith("bin/") || e.startsWith("proc/"));
  }

  @Test
  void reproducible_withRun_sameDigestOnRebuildThroughTheExecutor() throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    Path context = Files.createDirectories(temp.resolve("repro"));
    Files.writeString(context.resolve("Dockerfile"), "FROM "
        + registry.reference(BaseImages.BUSYBOX) + "\n" + RUN + "COPY Dockerfile /srv/\n");
    Path docker = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(docker.resolve("config.json"), "{}");

    String first = executorDigest(context, docker, "first");
    Thread.sleep(1100); // new mtimes and a new clock second for the rebuild
    String second = executorDigest(context, docker, "second");

    assertThat(second).startsWith("sha256:").isEqualTo(first);
    JsonNode config = new Skopeo().inspectConfig(
        Skopeo.ociLayout(temp.resolve("first-oci"), "latest"), null);
    assertThat(config.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(config.get("rootfs").get("diff_ids")).hasSize(3);
  }

  @Test
  void singleSnapshot_runsAndCopiesOfAStage_giveOneLayerWithTheirChangesAndWhiteouts()
      throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    Path layout = temp.resolve("single");

    build("ARG BASE\nFROM $BASE\nRUN echo a > /a && rm /etc/group\nCOPY Dockerfile /copied\n"
        + "RUN echo b > /b && rm /a\nENV X=1\n",
        b -> b.noPush(true).singleSnapshot(true).ociLayoutPath(java.util.Optional.of(layout)));

    JsonNode config = new Skopeo().inspectConfig(Skopeo.ociLayout(layout, "latest"), null);
    assertThat(config.get("rootfs").get("diff_ids")).hasSize(2);
    List<String> entries = lastLayerEntries(layout, "latest");
    assertThat(entries).containsExactlyInAnyOrder("b", "copied", "etc", "etc/.wh.group");
    Path rootfs = new Umoci().unpackRootfs(layout, "latest", temp.resolve("single-rootfs"));
    assertThat(rootfs.resolve("b")).hasContent("b");
    assertThat(rootfs.resolve("a")).doesNotExist();
    assertThat(rootfs.resolve("etc/group")).doesNotExist();
  }

  /** Runs the packaged bin/executor with --reproducible; returns the digest file's content. */
  private String executorDigest(Path context, Path docker, String name) throws Exception {
    Path digest = temp.resolve(name + "-digest");
    Path err = temp.resolve(name + "-err.txt");
    ProcessBuilder builder = new ProcessBuilder(EXECUTOR.toString(), "-c", context.toString(),
        "--no-push", "--reproducible", "--digest-file", digest.toString(),
        "--oci-layout-path", temp.resolve(name + "-oci").toString())
        .directory(temp.toFile()).redirectOutput(temp.resolve(name + "-out.txt").toFile())
        .redirectError(err.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("DOCKER_CONFIG", docker.toString());
    // The host may look like a container: keep kaniko's own dir inside the test's temp dir.
    builder.environment().put("KANIKO_DIR", temp.resolve("kaniko").toString());
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(digest);
  }

  private BuildResult build(String dockerfile, String destination) throws Exception {
    return build(dockerfile, b -> b.destinations(List.of(destination)));
  }

  private BuildResult build(String dockerfile, UnaryOperator<BuildOptions.Builder> extra)
      throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    Path docker = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(docker.resolve("config.json"), "{}");
    BuildOptions options = extra.apply(BuildOptions.builder().context(context.toString())
        .buildArgs(Map.of("BASE", registry.reference(BaseImages.BUSYBOX)))).build();
    return new ImageBuilder(options, temp.resolve("work"), Clock.systemUTC(),
        Map.of("DOCKER_CONFIG", docker.toString())).build(context, context.resolve("Dockerfile"));
  }

  /** path -> "type mode uid:gid size|target" for every path under {@code root}. */
  static Map<String, String> listing(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
        Map<String, Object> a = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        String owner = a.get("uid") + ":" + a.get("gid");
        String mode = String.format("%04o", (Integer) a.get("mode") & 07777);
        String value;
        if (Files.isSymbolicLink(path)) {
          value = "link " + owner + " -> " + Files.readSymbolicLink(path);
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          value = "dir " + mode + " " + owner;
        } else {
          value = "file " + mode + " " + owner + " " + a.get("size");
        }
        out.put(root.relativize(path).toString(), value);
      }
    }
    return out;
  }

  /** The entry names of the last layer of {@code tag} in an OCI layout. */
  static List<String> lastLayerEntries(Path layout, String tag) throws Exception {
    List<List<String>> layers = OciLayoutLayers.entries(layout, tag);
    return layers.get(layers.size() - 1);
  }

}
