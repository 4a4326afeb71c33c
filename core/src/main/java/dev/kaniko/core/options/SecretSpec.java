package dev.kaniko.core.options;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A build secret for {@code RUN --mount=type=secret} ({@code --secret id=ID,src=PATH} or
 * {@code id=ID,env=VAR}, as buildx): where its value is read from at RUN time, never the value.
 */
public record SecretSpec(String id, Optional<Path> file, Optional<String> env) {
  public SecretSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(env, "env");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("secret id is empty");
    }
    if (file.isPresent() == env.isPresent()) {
      throw new IllegalArgumentException("secret " + id + ": give exactly one of src=PATH or env=VAR");
    }
  }

  /**
   * Parses {@code id=ID,src=PATH}, {@code id=ID,env=VAR} ({@code source=} and {@code type=file|env}
   * also accepted, as buildx; {@code type=env} without {@code env=} reads the variable named ID).
   *
   * @throws IllegalArgumentException one line, naming the bad part
   */
  public static SecretSpec parse(String value) {
    String id = null;
    String src = null;
    String env = null;
    String type = null;
    for (String field : value.split(",")) {
      int eq = field.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--secret: expected key=value, got '" + field + "'");
      }
      String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String val = field.substring(eq + 1);
      switch (key) {
        case "id" -> id = val;
        case "src", "source" -> src = val;
        case "env" -> env = val;
        case "type" -> type = val.toLowerCase(Locale.ROOT);
        default -> throw new IllegalArgumentException("--secret: unknown key '" + key
            + "' (id, src, env, type)");
      }
    }
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("--secret: id is required (id=ID,src=PATH or id=ID,env=VAR)");
    }
    if (type != null && !type.equals("file") && !type.equals("env")) {
      throw new IllegalArgumentException("--secret: type must be file or env, not '" + type + "'");
    }
    if ("env".equals(type) && env == null) {
      env = src != null ? src : id;
      src = null;
    }
    if (src == null && env == null) {
      throw new IllegalArgumentException("--secret " + id + ": give src=PATH or env=VAR");
    }
    if (src != null && env != null) {
      throw new IllegalArgumentException("--secret " + id + ": give src=PATH or env=VAR, not both");
    }
    return new SecretSpec(id, Optional.ofNullable(src).map(Path::of), Optional.ofNullable(env));
  }
}
