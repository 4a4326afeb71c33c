package dev.kaniko.executor;

import dev.kaniko.core.context.GitOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses kaniko's structured flag values (KEY=VALUE lists, registry maps, git options). */
final class FlagValues {
  private static final Set<String> GIT_KEYS =
      Set.of("branch", "single-branch", "recurse-submodules", "insecure-skip-tls");

  private FlagValues() {}

  /** {@code KEY=VALUE}, or {@code KEY} alone taking the value from {@code env} (skipped if unset). */
  static Map<String, String> buildArgs(List<String> values, Map<String, String> env) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String value : values) {
      int equals = value.indexOf('=');
      if (equals < 0) {
        requireKey("--build-arg", value, value);
        if (env.containsKey(value)) {
          args.put(value, env.get(value));
        }
      } else {
        String key = value.substring(0, equals);
        requireKey("--build-arg", key, value);
        args.put(key, value.substring(equals + 1));
      }
    }
    return args;
  }

  /** Repeated {@code KEY=VALUE} values; the last one for a key wins. */
  static Map<String, String> keyValues(String flag, List<String> values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String value : values) {
      int equals = value.indexOf('=');
      if (equals < 0) {
        throw new UsageException(flag + ": expected KEY=VALUE, got '" + value + "'");
      }
      String key = value.substring(0, equals);
      requireKey(flag, key, value);
      map.put(key, value.substring(equals + 1));
    }
    return map;
  }

  /** {@code --registry-certificate registry=/path/ca.crt}. */
  static Map<String, Path> paths(String flag, List<String> values) {
    Map<String, Path> map = new LinkedHashMap<>();
    keyValues(flag, values).forEach((key, value) -> map.put(key, Path.of(value)));
    return map;
  }

  /** {@code --registry-map orig=new;orig2=new2}, repeatable; one original may map to several. */
  static Map<String, List<String>> registryMaps(List<String> values) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String value : values) {
      for (String pair : value.split(";")) {
        if (pair.isEmpty()) {
          continue;
        }
        keyValues("--registry-map", List.of(pair))
            .forEach((key, target) -> map.computeIfAbsent(key, k -> new ArrayList<>()).add(target));
      }
    }
    return map;
  }

  /** {@code --git branch=main,single-branch=true}: only kaniko's keys are accepted. */
  static Map<String, String> gitOptions(String value) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String pair : value.split(",")) {
      if (pair.isEmpty()) {
        continue;
      }
      Map<String, String> parsed = keyValues("--git", List.of(pair));
      for (String key : parsed.keySet()) {
        if (!GIT_KEYS.contains(key)) {
          throw new UsageException("--git: unknown option '" + key
              + "' (expected branch, single-branch, recurse-submodules or insecure-skip-tls)");
        }
      }
      options.putAll(parsed);
    }
    try {
      GitOptions.parse(value); // the values too: booleans must be true or false
    } catch (IllegalArgumentException e) {
      throw new UsageException("--git: " + e.getMessage());
    }
    return options;
  }

  /** Empty when {@code value} is empty (kaniko's "unset" for string flags). */
  static Optional<String> optional(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** Empty when {@code value} is empty; a path otherwise. */
  static Optional<Path> optionalPath(String value) {
    return optional(value).map(Path::of);
  }

  private static void requireKey(String flag, String key, String value) {
    if (key.isEmpty()) {
      throw new UsageException(flag + ": expected KEY=VALUE, got '" + value + "'");
    }
  }
}
