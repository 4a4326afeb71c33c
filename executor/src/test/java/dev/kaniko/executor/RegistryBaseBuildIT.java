package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Builds FROM images of the harness registry (busybox-static), in process. */
class RegistryBaseBuildIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  @TempDir Path temp;

  private BuildResult build(String dockerfile, UnaryOperator<BuildOptions.Builder> extra)
      throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("app.txt"), "app file\n");
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    Path docker = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(docker.resolve("config.json"), "{}");
    BuildOptions options = extra.apply(BuildOptions.builder().context(context.toString())
        .buildArgs(Map.of("BASE", registry.reference("base/busybox:latest")))).build();
    return new ImageBuilder(options, temp.resolve("work"), Clock.systemUTC(),
        Map.of("DOCKER_CONFIG", docker.toString())).build(context, context.resolve("Dockerfile"));
  }

  @Test
  void fromBusybox_keepsBaseLayersConfigAndFamily_andChownsWithItsPasswd() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, ImageFormat.DOCKER_V2S2);
    Path layout = temp.resolve("oci");
    String destination = registry.reference("built/app:1");

    BuildResult result = build("ARG BASE\nFROM $BASE\nCOPY --chown=app:app app.txt /home/app/\n"
        + "ENV MORE=1\n", b -> b.destinations(List.of(destination))
        .ociLayoutPath(Optional.of(layout)));

    Skopeo skopeo = new Skopeo();
    JsonNode pushed = skopeo.inspect(Skopeo.docker(destination), registry.access());
    JsonNode baseManifest = skopeo.inspect(Skopeo.docker(base.reference()), registry.access());
    assertThat(pushed.get("Digest").asText()).isEqualTo(result.digest());
    assertThat(pushed.get("Layers")).hasSize(baseManifest.get("Layers").size() + 1);
    assertThat(pushed.get("Layers").get(0)).isEqualTo(baseManifest.get("Layers").get(0));
    String raw = skopeo.rawManifest(Skopeo.docker(destination), registry.access());
    assertThat(raw).contains("application/vnd.docker.distribution.manifest.v2+json");
    JsonNode config = skopeo.inspectConfig(Skopeo.docker(destination), registry.access());
    assertThat(BuildFixtureText.texts(config.get("config").get("Env"))).containsExactly(
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "MORE=1");
    assertThat(BuildFixtureText.texts(config.get("config").get("Cmd"))).containsExactly("sh");

    Path rootfs = temp.resolve("rootfs");
    new Skopeo().copy(Skopeo.docker(destination), Skopeo.ociLayout(temp.resolve("copy"), "x"))
        .sourceAccess(registry.access()).run();
    new Umoci().unpackRootfs(temp.resolve("copy"), "x", rootfs);
    assertThat(rootfs.resolve("bin/busybox")).isRegularFile();
    Path app = rootfs.resolve("home/app/app.txt");
    assertThat(app).hasContent("app file");
    assertThat(Files.getAttribute(app, "unix:uid")).isEqualTo(1000);
  }

  @Test
  void fromStageOfAnOciRegistryImage_andMissingImage() throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    Path layout = temp.resolve("oci");

    build("ARG BASE\nFROM $BASE AS base\nWORKDIR /work\nFROM base\nCOPY app.txt .\n",
        b -> b.noPush(true).ociLayoutPath(Optional.of(layout)));

    Path rootfs = new Umoci().unpackRootfs(layout, "latest", temp.resolve("rootfs"));
    assertThat(rootfs.resolve("work/app.txt")).hasContent("app file");
    assertThat(rootfs.resolve("bin/sh")).exists();

    assertThatThrownBy(() -> build("FROM " + registry.reference("nope/missing:1") + "\n",
        b -> b.noPush(true)))
        .hasMessageContaining("nope/missing");
  }

  @Test
  void run_inChrootOfTheStageRootfs_layersHoldItsChangesAndWhiteouts() throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    Path layout = temp.resolve("oci");

    build("ARG BASE\nFROM $BASE\nARG GREETING=hi\nENV WHO=world\n"
        + "RUN echo \"$GREETING $WHO\" > /greeting && rm /etc/group && mkdir -p /data\n"
        + "USER app\nWORKDIR /home/app\nRUN id -u > uid && touch /tmp/by-app\n"
        + "COPY app.txt /data/\nRUN [\"/bin/sh\", \"-c\", \"cat /data/app.txt > copy\"]\n",
        b -> b.noPush(true).ociLayoutPath(Optional.of(layout)));

    Path rootfs = new Umoci().unpackRootfs(layout, "latest", temp.resolve("rootfs"));
    assertThat(rootfs.resolve("greeting")).hasContent("hi world");
    assertThat(rootfs.resolve("etc/group")).doesNotExist();
    assertThat(rootfs.resolve("etc/passwd")).exists();
    assertThat(rootfs.resolve("home/app/uid")).hasContent("1000");
    assertThat(Files.getAttribute(rootfs.resolve("tmp/by-app"), "unix:uid")).isEqualTo(1000);
    assertThat(rootfs.resolve("home/app/copy")).hasContent("app file");
    JsonNode manifest = new Skopeo().inspect(Skopeo.ociLayout(layout, "latest"), null);
    assertThat(manifest.get("Layers")).hasSize(5);
    JsonNode config = new Skopeo().inspectConfig(Skopeo.ociLayout(layout, "latest"), null);
    assertThat(BuildFixtureText.texts(config.get("config").get("Env")))
        .noneMatch(e -> e.startsWith("GREETING"));
  }

  @Test
  void run_failure_isOneLineWithTheExitCode() {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);

    assertThatThrownBy(() -> build("ARG BASE\nFROM $BASE\nRUN exit 3\n", b -> b.noPush(true)))
        .hasMessage("Dockerfile:3: RUN exit 3 returned a non-zero code: 3");
  }

  /** Small JSON helper. */
  static final class BuildFixtureText {
    static List<String> texts(JsonNode array) {
      List<String> out = new java.util.ArrayList<>();
      array.forEach(n -> out.add(n.asText()));
      return out;
    }
  }
}
