package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.ImageTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Checks one built image against its case's {@code expect.json}: {@code files} (type, mode, uid,
 * gid, size, content, target, hardlinkTo per path), {@code absent}, {@code config} (each member of
 * the config's {@code config}), {@code image} (top-level members), {@code history} (the last
 * entries' {@code created_by} and {@code empty_layer}) and {@code layers} (how many).
 */
final class CaseExpectations {
  private final DockerfileCase c;
  private final ImageTree image;
  private final SoftAssertions soft = new SoftAssertions();

  CaseExpectations(DockerfileCase c, ImageTree image) {
    this.c = c;
    this.image = image;
  }

  void assertAll() {
    assertThat(c.get("files").isObject() || c.get("config").isObject() || c.get("image").isObject())
        .as(c.name() + ": expect.json checks nothing").isTrue();
    c.get("files").fields().forEachRemaining(e -> file(e.getKey(), e.getValue()));
    c.get("absent").forEach(p -> soft.assertThat(image.entry(p.asText()))
        .as(p.asText() + " must be absent").isNull());
    c.get("config").fields().forEachRemaining(e -> soft.assertThat(
        DockerfileCasesIT.text(image.config().path("config").get(e.getKey())))
        .as("config." + e.getKey()).isEqualTo(DockerfileCasesIT.text(nullIsAbsent(e.getValue()))));
    c.get("image").fields().forEachRemaining(e -> soft.assertThat(
        DockerfileCasesIT.text(image.config().get(e.getKey())))
        .as(e.getKey()).isEqualTo(DockerfileCasesIT.text(hostValue(e.getValue()))));
    if (!c.get("image").has("created")) {
      // a build's time: an RFC 3339 instant of the last hour
      java.time.Instant created = java.time.Instant.parse(image.config().path("created").asText());
      soft.assertThat(created).as("created").isBetween(
          java.time.Instant.now().minus(java.time.Duration.ofHours(1)), java.time.Instant.now());
    }
    if (c.get("history").isArray()) {
      history();
    }
    if (c.get("layers").isInt()) {
      soft.assertThat(image.manifest().get("layers").size()).as("layers")
          .isEqualTo(c.get("layers").asInt());
    }
    soft.assertAll();
  }

  private void file(String path, JsonNode spec) {
    ImageTree.Entry entry = image.entry(path);
    soft.assertThat(entry).as(path + " exists").isNotNull();
    if (entry == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String want = field.getValue().asText();
      String what = path + " " + field.getKey();
      switch (field.getKey()) {
        case "type" -> soft.assertThat(entry.type().name().toLowerCase()).as(what).isEqualTo(want);
        case "mode" -> soft.assertThat(String.format("%04o", entry.mode())).as(what).isEqualTo(want);
        case "uid" -> soft.assertThat(entry.uid()).as(what).isEqualTo(field.getValue().asLong());
        case "gid" -> soft.assertThat(entry.gid()).as(what).isEqualTo(field.getValue().asLong());
        case "size" -> soft.assertThat(entry.size()).as(what).isEqualTo(field.getValue().asLong());
        case "content" -> soft.assertThat(entry.sha256()).as(what + " (" + want + ")")
            .isEqualTo(DockerfileCasesIT.sha256(want));
        case "target" -> soft.assertThat(entry.linkTarget()).as(what).isEqualTo(want);
        case "hardlinkTo" -> soft.assertThat(entry.hardlinkTo()).as(what)
            .isEqualTo(ImageTree.normalize(want));
        default -> throw new IllegalArgumentException(c.name() + ": unknown file field " + what);
      }
    }
  }

  private void history() {
    JsonNode history = image.config().get("history");
    List<String> actual = new ArrayList<>();
    history.forEach(h -> actual.add(line(h)));
    List<String> expected = new ArrayList<>();
    c.get("history").forEach(h -> expected.add(line(h)));
    soft.assertThat(actual.subList(Math.max(0, actual.size() - expected.size()), actual.size()))
        .as("the last history entries (of " + actual + ")").isEqualTo(expected);
  }

  private static String line(JsonNode h) {
    return h.path("created_by").asText() + (h.path("empty_layer").asBoolean() ? " [empty]" : "");
  }

  private static JsonNode nullIsAbsent(JsonNode value) {
    return value.isNull() ? null : value;
  }

  /** {@code "$HOST_ARCH"} stands for the host's architecture. */
  private static JsonNode hostValue(JsonNode value) {
    return value.isTextual() && value.asText().equals("$HOST_ARCH")
        ? new TextNode(HostPlatform.architecture()) : value;
  }
}
