package dev.kaniko.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaniko.testsupport.ImageTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * Our image against buildah's: the merged filesystems (type, mode, uid, gid, size, content hash,
 * link target of every path) and the config fields docker users rely on, equal after the
 * normalisations listed in docs/differential.md (each one is a method here, named for its reason).
 */
final class BuildahDifferential {
  /** The config members compared. */
  static final List<String> FIELDS = List.of("Env", "Cmd", "Entrypoint", "WorkingDir", "User",
      "ExposedPorts", "Volumes", "Labels", "StopSignal", "Healthcheck", "OnBuild", "Shell");

  private static final String EMPTY_FILE =
      "file 0755 0:0 0 sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private BuildahDifferential() {}

  /**
   * Asserts both images equal; {@code ignored} are paths a case excludes from the comparison with
   * a written reason (its {@code buildah.ignore}), checked by the case's own expectations instead.
   */
  static void assertSame(ImageTree ours, ImageTree theirs, Set<String> ignored) {
    SoftAssertions soft = new SoftAssertions();
    Map<String, String> ourFiles = ours.describeAll();
    JsonNode theirConfig = theirs.config().path("config");
    Map<String, String> theirFiles = normalizeFiles(theirs.describeAll(), ourFiles, theirConfig);
    Map<String, String> differences = diff(ourFiles, theirFiles);
    differences.keySet().removeAll(ignored);
    soft.assertThat(differences).as("paths that differ (ours | buildah's)").isEmpty();
    JsonNode ourConfig = ours.config().path("config");
    for (String field : FIELDS) {
      soft.assertThat(DockerfileCasesIT.text(normalizeConfig(field, ourConfig.get(field), ourConfig)))
          .as("config." + field)
          .isEqualTo(DockerfileCasesIT.text(normalizeConfig(field, theirConfig.get(field), theirConfig)));
    }
    soft.assertAll();
  }

  /**
   * The mount points buildah's chroot RUN leaves behind (empty {@code /dev}, {@code /proc},
   * {@code /sys}, {@code /run} and empty {@code /etc/hosts}, {@code /etc/hostname},
   * {@code /etc/resolv.conf}), dropped when our image has no such path; BuildKit leaves none.
   */
  static final Map<String, String> RUN_MOUNT_STUBS = Map.of(
      "dev", "dir 0755 0:0", "proc", "dir 0755 0:0", "sys", "dir 0755 0:0", "run", "dir 0755 0:0",
      "etc/hosts", EMPTY_FILE, "etc/hostname", EMPTY_FILE, "etc/resolv.conf", EMPTY_FILE);

  private static Map<String, String> normalizeFiles(Map<String, String> theirs,
      Map<String, String> ours, JsonNode theirConfig) {
    Map<String, String> out = new TreeMap<>(theirs);
    RUN_MOUNT_STUBS.forEach((path, stub) -> dropEmptyStub(out, ours, path, stub));
    // buildah makes a directory for a VOLUME; BuildKit leaves the filesystem alone
    theirConfig.path("Volumes").fieldNames().forEachRemaining(
        volume -> dropEmptyStub(out, ours, ImageTree.normalize(volume), "dir 0755 0:0"));
    return out;
  }

  private static void dropEmptyStub(Map<String, String> theirs, Map<String, String> ours,
      String path, String stub) {
    boolean empty = theirs.keySet().stream().noneMatch(p -> p.startsWith(path + "/"));
    if (!ours.containsKey(path) && stub.equals(theirs.get(path)) && empty) {
      theirs.remove(path);
    }
  }

  private static JsonNode normalizeConfig(String field, JsonNode value, JsonNode config) {
    if (value == null || value.isNull()) {
      return null;
    }
    // docker's own config writes "User": "", "Entrypoint": null: an empty value means unset
    if (value.isContainerNode() && value.isEmpty() || value.isTextual() && value.asText().isEmpty()) {
      return null;
    }
    if (field.equals("Env") && value.isArray()) {
      // BuildKit replaces a redefined variable in place, buildah moves it last: compare as a set
      List<String> sorted = new ArrayList<>();
      value.forEach(v -> sorted.add(v.asText()));
      Collections.sort(sorted);
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      sorted.forEach(out::add);
      return out;
    }
    if (field.equals("ExposedPorts") && value.isObject()) {
      return expandPortRanges(value);
    }
    if ((field.equals("Cmd") || field.equals("Entrypoint")) && value.isArray()) {
      return withShell(value, config.get("Shell"));
    }
    if (field.equals("Labels") && value.isObject()) {
      ObjectNode labels = ((ObjectNode) value).deepCopy();
      labels.remove("io.buildah.version"); // buildah stamps its version on every image
      return labels.isEmpty() ? null : labels;
    }
    return value;
  }

  /** docker expands {@code 8000-8002/tcp} into one port per number; buildah 1.28 keeps the range. */
  private static JsonNode expandPortRanges(JsonNode ports) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ports.fieldNames().forEachRemaining(port -> {
      Matcher range = Pattern.compile("(\\d+)-(\\d+)(/\\w+)?").matcher(port);
      if (range.matches()) {
        String proto = range.group(3) == null ? "/tcp" : range.group(3);
        for (int p = Integer.parseInt(range.group(1)); p <= Integer.parseInt(range.group(2)); p++) {
          out.putObject(p + proto);
        }
      } else {
        out.putObject(port);
      }
    });
    return out;
  }

  /**
   * The shell form of CMD/ENTRYPOINT: docker prefixes it with SHELL, buildah 1.28 always with
   * {@code /bin/sh -c}; buildah's default prefix is replaced by the image's SHELL.
   */
  private static JsonNode withShell(JsonNode command, JsonNode shell) {
    if (shell == null || !shell.isArray() || shell.isEmpty() || command.size() != 3
        || !command.get(0).asText().equals("/bin/sh") || !command.get(1).asText().equals("-c")) {
      return command;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    shell.forEach(out::add);
    out.add(command.get(2));
    return out;
  }

  private static Map<String, String> diff(Map<String, String> ours, Map<String, String> theirs) {
    Map<String, String> out = new TreeMap<>();
    ours.forEach((path, ourValue) -> {
      String theirValue = theirs.get(path);
      if (!ourValue.equals(theirValue)) {
        out.put(path, ourValue + " | " + theirValue);
      }
    });
    theirs.forEach((path, theirValue) -> {
      if (!ours.containsKey(path)) {
        out.put(path, "null | " + theirValue);
      }
    });
    return out;
  }
}
