package dev.kaniko.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageJsonTest {

  static ImageConfig fullConfig() {
    ContainerConfig config = ContainerConfig.builder()
        .user("1000:1000")
        .exposedPort("8080")
        .exposedPort("53/udp")
        .env("PATH", "/usr/bin:/bin")
        .env("LANG", "C.UTF-8")
        .env("PATH", "/opt/bin:/usr/bin:/bin")
        .entrypoint(List.of("/bin/tini", "--"))
        .cmd(List.of("serve", "--port=8080"))
        .healthcheck(new Healthcheck(List.of("CMD-SHELL", "wget -q -O- localhost:8080"),
            30_000_000_000L, 5_000_000_000L, 1_000_000_000L, null, 3))
        .volume("/var/lib/data")
        .volume("/cache")
        .workingDir("/srv")
        .label("org.opencontainers.image.title", "demo")
        .label("a.first", "1")
        .onBuild("RUN echo child")
        .stopSignal("SIGTERM")
        .shell(List.of("/bin/sh", "-c"))
        .build();
    return ImageConfig.scratch("linux", "arm64", "v8")
        .withCreated(Instant.parse("2024-05-06T07:08:09.123456789Z"))
        .withAuthor("Dev <dev@example.com>")
        .withConfig(config)
        .withRootFs(RootFs.of(List.of("sha256:" + "a".repeat(64))))
        .addHistory(new HistoryEntry("2024-05-06T07:08:09Z", "COPY . /srv", null, null, null))
        .addHistory(new HistoryEntry("2024-05-06T07:08:09Z", "CMD [\"serve\"]", null, null, true));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ImageJsonTest.class.getResourceAsStream("/image/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Test
  void serialize_writesDockerFieldNamesInStableOrder() throws Exception {
    SerializedJson json = ImageJson.serialize(fullConfig());

    assertThat(new String(json.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(resource("config-all-fields.json"));
    assertThat(json.digest()).isEqualTo(Digests.sha256(json.bytes()));
  }

  @Test
  void serialize_sameModelTwiceGivesSameBytesAndDigest() {
    assertThat(ImageJson.serialize(fullConfig())).isEqualTo(ImageJson.serialize(fullConfig()));
  }

  @Test
  void parse_roundTripsEveryField() throws Exception {
    ImageConfig parsed = ImageJson.parse(ImageJson.serialize(fullConfig()).bytes(),
        ImageConfig.class);

    assertThat(parsed).isEqualTo(fullConfig());
    assertThat(parsed.config().exposedPorts()).containsExactly("53/udp", "8080/tcp");
    assertThat(parsed.config().env()).containsExactly("PATH=/opt/bin:/usr/bin:/bin", "LANG=C.UTF-8");
  }

  @Test
  void parse_ignoresUnknownFieldsOfRealWorldConfigs() throws Exception {
    String docker = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"docker_version\":\"24\","
        + "\"config\":{\"Hostname\":\"\",\"Cmd\":[],\"Volumes\":null,\"OnBuild\":null},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";

    ImageConfig c = ImageJson.parse(docker.getBytes(StandardCharsets.UTF_8), ImageConfig.class);

    assertThat(c.config().cmd()).isEmpty();
    assertThat(c.config().volumes()).isNull();
    assertThat(new String(ImageJson.serialize(c).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[]},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
  }

  @Test
  void parse_malformedFailsWithOneLine() {
    assertThatThrownBy(() -> ImageJson.parse("{\"os\":".getBytes(StandardCharsets.UTF_8),
        ImageConfig.class))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("malformed ImageConfig JSON: ");
  }
}
