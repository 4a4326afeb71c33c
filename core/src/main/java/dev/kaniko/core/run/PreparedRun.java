package dev.kaniko.core.run;

import dev.kaniko.core.rootfs.RootPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What both runners need before starting a command: the resolved user, the exact env, the argv, the
 * WORKDIR (created when missing, as docker does) and the heredoc script written into the rootfs.
 */
record PreparedRun(ResolvedUser user, List<String> env, List<String> argv, Path workdir) {

  static PreparedRun prepare(Path root, RunCommand command, Placeholders placeholders) throws RunSetupException {
    ResolvedUser user;
    try {
      user = new UserResolver(root).resolve(command.user());
    } catch (RunSetupException e) {
      throw new RunSetupException(command.location() + e.getMessage(), e);
    }
    String scriptDir = "/.kaniko-run-" + UUID.randomUUID().toString().substring(0, 8);
    PlannedCommand planned = CommandPlanner.plan(command, scriptDir);
    try {
      Path workdir = RootPaths.createDirectoriesInRoot(root, command.workdir());
      if (planned.script().isPresent()) {
        placeholders.directory(scriptDir);
        placeholders.script(planned.script().get().path(), planned.script().get().content());
      }
      return new PreparedRun(user, RunEnvironment.of(command, user), planned.argv(), workdir);
    } catch (IOException e) {
      throw new RunSetupException(command.location() + "cannot prepare the rootfs for RUN: " + e.getMessage(), e);
    }
  }

  /** {@code env -i -- K=V...}: the command sees exactly this environment. */
  List<String> envPrefix(String envBinary) {
    List<String> prefix = new ArrayList<>(List.of(envBinary, "-i", "--"));
    prefix.addAll(env);
    return prefix;
  }
}
