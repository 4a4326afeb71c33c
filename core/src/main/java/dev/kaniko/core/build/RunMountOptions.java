package dev.kaniko.core.build;

import dev.kaniko.core.dockerfile.MountSpec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code RUN --mount} value parsed and checked with BuildKit's keys and defaults
 * (type bind, cache, tmpfs or secret; ssh is refused). Holds names, never secret values.
 */
record RunMountOptions(String type, String target, Optional<String> source, Optional<String> from,
    boolean readOnly, Optional<String> id, String sharing, Optional<Integer> mode, Optional<Integer> uid,
    Optional<Integer> gid, boolean required, Optional<String> size, Optional<String> env) {

  private static final Map<String, Set<String>> KEYS = Map.of(
      "bind", Set.of("target", "source", "from", "readonly", "rw"),
      "cache", Set.of("target", "source", "from", "readonly", "rw", "id", "sharing", "mode", "uid", "gid"),
      "tmpfs", Set.of("target", "size"),
      "secret", Set.of("target", "id", "required", "mode", "uid", "gid", "env"));
  private static final Map<String, String> ALIASES = Map.of("dst", "target", "destination", "target",
      "src", "source", "ro", "readonly", "readwrite", "rw");

  /**
   * Parses {@code value} (CSV of {@code key=value}; a bare key is {@code key=true}); relative targets
   * are under {@code workdir}.
   *
   * @throws IllegalArgumentException one line, for unknown types or keys, bad values, a missing target
   */
  static RunMountOptions parse(String value, String workdir) {
    String type = "bind";
    Map<String, String> keys = new java.util.LinkedHashMap<>();
    for (String field : MountSpec.fields(value)) {
      if (field.isBlank()) {
        continue;
      }
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      String val = eq < 0 ? "true" : field.substring(eq + 1);
      key = ALIASES.getOrDefault(key, key);
      if (key.equals("type")) {
        type = val.toLowerCase(Locale.ROOT);
      } else if (keys.put(key, val) != null) {
        throw new IllegalArgumentException("RUN --mount: duplicate option '" + key + "'");
      }
    }
    if (type.equals("ssh")) {
      throw new IllegalArgumentException("RUN --mount=type=ssh is not supported (no SSH agent forwarding)");
    }
    Set<String> allowed = KEYS.get(type);
    if (allowed == null) {
      throw new IllegalArgumentException("RUN --mount: unknown type '" + type
          + "' (bind, cache, tmpfs, secret)");
    }
    for (String key : keys.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("RUN --mount: unexpected option '" + key + "' for type=" + type);
      }
    }
    Optional<String> id = nonEmpty(keys.get("id"));
    Optional<String> env = nonEmpty(keys.get("env"));
    String target = keys.get("target");
    if (type.equals("secret")) {
      if (id.isEmpty() && target != null && !target.isEmpty()) {
        id = Optional.of(target.substring(target.lastIndexOf('/') + 1));
      }
      if (id.isEmpty() || id.get().isEmpty()) {
        throw new IllegalArgumentException("RUN --mount=type=secret needs an id (or a target)");
      }
      if ((target == null || target.isEmpty()) && env.isEmpty()) {
        target = "/run/secrets/" + id.get();
      }
    }
    if (target != null && target.isEmpty()) {
      target = null;
    }
    if (target == null && !(type.equals("secret") && env.isPresent())) {
      throw new IllegalArgumentException("RUN --mount=type=" + type + ": target is required");
    }
    if (target != null) {
      target = absolute(target, workdir);
    }
    if (type.equals("cache") && id.isEmpty()) {
      id = Optional.of(target);
    }
    boolean readOnly = type.equals("bind") || type.equals("secret");
    if (keys.containsKey("readonly")) {
      readOnly = bool(keys.get("readonly"), "readonly");
    }
    if (keys.containsKey("rw")) {
      readOnly = !bool(keys.get("rw"), "rw");
    }
    String sharing = keys.getOrDefault("sharing", "shared").toLowerCase(Locale.ROOT);
    if (!Set.of("shared", "private", "locked").contains(sharing)) {
      throw new IllegalArgumentException("RUN --mount: sharing must be shared, private or locked, not '"
          + sharing + "'");
    }
    Optional<String> size = nonEmpty(keys.get("size"));
    if (size.isPresent() && !size.get().matches("[0-9]+[kKmMgG%]?")) {
      throw new IllegalArgumentException("RUN --mount=type=tmpfs: invalid size '" + size.get() + "'");
    }
    return new RunMountOptions(type, target, nonEmpty(keys.get("source")), nonEmpty(keys.get("from")),
        readOnly, id, sharing, number(keys.get("mode"), 8, "mode"), number(keys.get("uid"), 10, "uid"),
        number(keys.get("gid"), 10, "gid"), keys.containsKey("required") && bool(keys.get("required"), "required"),
        size, env);
  }

  private static String absolute(String target, String workdir) {
    String joined = target.startsWith("/") ? target
        : (workdir.endsWith("/") ? workdir : workdir + "/") + target;
    String normal = java.nio.file.Path.of(joined).normalize().toString();
    if (normal.equals("/")) {
      throw new IllegalArgumentException("RUN --mount: cannot mount over /");
    }
    return normal;
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static boolean bool(String value, String key) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new IllegalArgumentException("RUN --mount: " + key + " must be true or false, not '"
          + value + "'");
    };
  }

  private static Optional<Integer> number(String value, int radix, String key) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(value, radix);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("RUN --mount: invalid " + key + " '" + value + "'");
    }
  }
}
