package dev.kaniko.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact environment of a RUN command ({@code env -i} semantics): the build args, overridden by the
 * stage env, plus docker's default PATH and the user's HOME when the stage does not set them.
 */
final class RunEnvironment {
  /** Docker's PATH for Linux containers that set none. */
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private RunEnvironment() {}

  static List<String> of(RunCommand command, ResolvedUser user) {
    Map<String, String> vars = new LinkedHashMap<>(command.buildArgs());
    for (String entry : command.env()) {
      int eq = entry.indexOf('=');
      String name = entry.substring(0, eq);
      vars.remove(name);
      vars.put(name, entry.substring(eq + 1));
    }
    command.secretEnv().forEach((name, value) -> {
      vars.remove(name);
      vars.put(name, value);
    });
    vars.putIfAbsent("PATH", DEFAULT_PATH);
    vars.putIfAbsent("HOME", user.home());
    List<String> entries = new ArrayList<>();
    vars.forEach((name, value) -> entries.add(name + "=" + value));
    return entries;
  }
}
