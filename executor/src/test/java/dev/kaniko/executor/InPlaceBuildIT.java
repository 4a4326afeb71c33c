package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import dev.kaniko.testsupport.Umoci;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-place mode for real, in a throw-away container ({@link ThrowawayContainer}: a temp root
 * entered with unshare + chroot, the JDK bind-mounted read-only, the distribution at
 * /kaniko/dist, a volume at /workspace): the executor runs with its defaults (inside a container,
 * from its image: in place), empties the container's / but for its ignore list, extracts the
 * base over it, builds an earlier stage in chroot mode, and pushes to the harness registry.
 */
class InPlaceBuildIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  private static final Path DISTRIBUTION = Path.of("target/kaniko").toAbsolutePath();

  @TempDir Path temp;

  private static final String DOCKERFILE = """
      ARG BASE
      FROM $BASE AS builder
      RUN echo built-in-chroot > /artifact.txt
      FROM $BASE
      COPY --from=builder /artifact.txt /from-builder.txt
      COPY hello.txt /hello.txt
      RUN echo created > /etc/created.txt && rm /etc/group && rm -rf /home/app \\
       && mkdir -p /srv/new && echo deep > /srv/new/f \\
       && test -f /keep-me/secret.txt && test -f /kaniko/marker.txt \\
       && test -f /workspace/hello.txt && test ! -e /etc/old-root.txt \\
       && echo run > /var/run/run.pid && echo vol > /workspace/written-by-run.txt \\
       && echo ign > /keep-me/written-by-run.txt && echo k > /kaniko/written-by-run.txt
      USER app
      RUN id -u > /tmp/uid.txt
      """;

  @Test
  void defaultInsideTheExecutorImage_buildsInPlaceAndKeepsTheIgnoreList() throws Exception {
    assumeThat(HostPlatform.isRoot()).as("namespaces and chroot need root").isTrue();
    assertThat(DISTRIBUTION.resolve("bin/executor")).as("mvn package builds it").isExecutable();
    String base = BaseImages.pushBusybox(registry, ImageFormat.OCI).reference();
    String destination = registry.reference("inplace/app:1");
    Path volume = Files.createDirectories(temp.resolve("volume"));
    Files.writeString(volume.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(volume.resolve("hello.txt"), "hello");
    ThrowawayContainer container = new ThrowawayContainer(temp.resolve("container/root"))
        .readOnly(DISTRIBUTION, "/kaniko/dist")
        .tool("unshare", "/kaniko/bin/unshare").tool("setpriv", "/kaniko/bin/setpriv")
        .tool("mount", "/kaniko/bin/mount").tool("umount", "/kaniko/bin/umount")
        .tool("env", "/kaniko/bin/env")
        .volume(volume, "/workspace");
    write(container.path("/kaniko/marker.txt"), "kaniko dir");
    write(container.path("/kaniko/.docker/config.json"), "{}");
    write(container.path("/keep-me/secret.txt"), "secret");
    write(container.path("/var/run/existing.pid"), "1");
    write(container.path("/etc/old-root.txt"), "the container's own file");

    Path log = temp.resolve("executor.log");
    int exit = container.run(List.of("/kaniko/dist/bin/executor", "--context", "dir:///workspace",
        "--dockerfile", "/workspace/Dockerfile", "--build-arg", "BASE=" + base,
        "--destination", destination, "--insecure-registry", registry.host() + ":" + registry.port(),
        "--ignore-path", "/keep-me", "--digest-file", "/workspace/digest", "--cleanup",
        // the host's setpriv bound into /kaniko/bin is dynamically linked: keep its loader's links
        // (the executor image ships a static one)
        "--ignore-path", "/lib", "--ignore-path", "/lib64"),
        environment(), log, 300);

    String output = Files.readString(log);
    assertThat(exit).as(output).isZero();
    assertThat(output).contains("Building in place on / (inside a container")
        .contains("Deleting filesystem / (--cleanup)");
    assertThat(Files.readString(volume.resolve("digest"))).startsWith("sha256:");
    // what the build must not delete, and proof that it ran on the container's own /
    assertThat(volume.resolve("hello.txt")).hasContent("hello");
    assertThat(volume.resolve("written-by-run.txt")).hasContent("vol");
    assertThat(container.path("/kaniko/marker.txt")).hasContent("kaniko dir");
    assertThat(container.path("/keep-me/secret.txt")).hasContent("secret");
    assertThat(container.path("/keep-me/written-by-run.txt")).hasContent("ign");
    assertThat(container.path("/kaniko/written-by-run.txt")).hasContent("k");
    assertThat(container.path("/kaniko/tmp")).as("the JVM's temp dir in place").isDirectory();
    assertThat(container.path("/var/run/run.pid")).hasContent("run");
    assertThat(container.path("/var/run/existing.pid")).hasContent("1");
    assertThat(container.path("/etc/old-root.txt")).as("emptied before the base").doesNotExist();
    for (String cleaned : List.of("/etc/created.txt", "/etc/passwd", "/srv", "/hello.txt", "/bin")) {
      assertThat(container.path(cleaned)).as("--cleanup deletes " + cleaned).doesNotExist();
    }

    Path layout = temp.resolve("pulled");
    new Skopeo().copy(Skopeo.docker(destination), Skopeo.ociLayout(layout, "built"))
        .sourceAccess(registry.access()).run();
    Path rootfs = new Umoci().unpackRootfs(layout, "built", temp.resolve("unpacked"));
    assertThat(rootfs.resolve("etc/created.txt")).hasContent("created\n");
    assertThat(rootfs.resolve("srv/new/f")).hasContent("deep\n");
    assertThat(rootfs.resolve("hello.txt")).hasContent("hello");
    assertThat(rootfs.resolve("from-builder.txt")).hasContent("built-in-chroot\n");
    assertThat(rootfs.resolve("tmp/uid.txt")).hasContent("1000\n");
    assertThat(rootfs.resolve("etc/group")).doesNotExist();
    assertThat(rootfs.resolve("home/app")).doesNotExist();
    assertThat(rootfs.resolve("etc/passwd")).isRegularFile();
    for (String absent : List.of("kaniko", "workspace", "keep-me", "var/run", "etc/old-root.txt",
        ".dockerenv", "usr/lib/jvm")) {
      assertThat(rootfs.resolve(absent)).as(absent).doesNotExist();
    }

    List<String> entries = allLayerEntries(layout, "built");
    assertThat(entries).contains("etc/.wh.group", "home/.wh.app", "etc/created.txt", "tmp/uid.txt");
    List<String> forbidden = new ArrayList<>(List.of("kaniko", "workspace", "keep-me", "proc",
        "sys", "dev", "var/run", ".dockerenv"));
    container.readOnlyDirectories().forEach(dir -> forbidden.add(dir.substring(1)));
    for (String entry : entries) {
      for (String prefix : forbidden) {
        assertThat(entry.equals(prefix) || entry.startsWith(prefix + "/"))
            .as("layer entry %s (ignored path %s)", entry, prefix).isFalse();
      }
    }
  }

  @Test
  void rootfsSlash_fromAnEarlierStage_extractsItsLayersOverTheContainersRoot() throws Exception {
    assumeThat(HostPlatform.isRoot()).as("namespaces and chroot need root").isTrue();
    String base = BaseImages.pushBusybox(registry, ImageFormat.OCI).reference();
    String destination = registry.reference("inplace/from-stage:1");
    Path volume = Files.createDirectories(temp.resolve("volume"));
    Files.writeString(volume.resolve("Dockerfile"), "ARG BASE\nFROM $BASE AS base\n"
        + "RUN echo one > /one.txt\nFROM base\nRUN rm /one.txt && echo two > /two.txt\n");
    // the distribution outside the kaniko dir: not "the executor image", so only --rootfs / is in place
    ThrowawayContainer container = new ThrowawayContainer(temp.resolve("container/root"))
        .readOnly(DISTRIBUTION, "/opt/kaniko-dist").volume(volume, "/workspace")
        .tool("unshare", "/kaniko/bin/unshare").tool("setpriv", "/kaniko/bin/setpriv")
        .tool("mount", "/kaniko/bin/mount").tool("env", "/kaniko/bin/env");
    write(container.path("/kaniko/.docker/config.json"), "{}");
    write(container.path("/etc/old-root.txt"), "the container's own file");

    Path log = temp.resolve("executor.log");
    int exit = container.run(List.of("/opt/kaniko-dist/bin/executor", "--rootfs", "/",
        "--context", "/workspace", "--build-arg", "BASE=" + base, "--destination", destination,
        "--insecure-registry", registry.host() + ":" + registry.port()), environment(), log, 300);

    String output = Files.readString(log);
    assertThat(exit).as(output).isZero();
    assertThat(output).contains("Building in place on / (inside a container");
    assertThat(container.path("/two.txt")).hasContent("two\n");
    assertThat(container.path("/one.txt")).doesNotExist();
    assertThat(container.path("/etc/old-root.txt")).doesNotExist();
    assertThat(container.path("/etc/passwd")).isRegularFile();
    Path layout = temp.resolve("pulled");
    new Skopeo().copy(Skopeo.docker(destination), Skopeo.ociLayout(layout, "built"))
        .sourceAccess(registry.access()).run();
    Path rootfs = new Umoci().unpackRootfs(layout, "built", temp.resolve("unpacked"));
    assertThat(rootfs.resolve("two.txt")).hasContent("two\n");
    assertThat(rootfs.resolve("one.txt")).doesNotExist();
    assertThat(allLayerEntries(layout, "built")).contains(".wh.one.txt", "one.txt", "two.txt")
        .noneMatch(entry -> entry.startsWith("opt/") || entry.startsWith("kaniko")
            || entry.startsWith("workspace") || entry.startsWith("usr/lib/jvm"));
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/kaniko/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("HOME", "/root");
    env.put("DOCKER_CONFIG", "/kaniko/.docker");
    return env;
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** The entry names of every layer of {@code tag} in an OCI layout. */
  private static List<String> allLayerEntries(Path layout, String tag) throws Exception {
    return OciLayoutLayers.entries(layout, tag).stream().flatMap(List::stream).toList();
  }
}
