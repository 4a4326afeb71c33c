package dev.kaniko.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs RUN commands in place (rootfs {@code /}, kaniko's mode inside the executor image): the command
 * is a child process of the executor with exactly the stage's environment, in its WORKDIR; no
 * namespace, no chroot. Without USER it keeps the executor's identity (as kaniko does); with USER it
 * goes through util-linux {@code setpriv}, found on the executor's PATH (the image being built
 * replaces {@code /}, so the executor image keeps its own in the kaniko dir).
 */
public final class InPlaceRunner implements Runner {
  private static final Path ROOT = Path.of("/");

  private final HostTools tools;
  private final ProcessExecution execution;

  public InPlaceRunner(HostTools tools, ProcessFactory factory) {
    this.tools = tools;
    this.execution = new ProcessExecution(factory);
  }

  public static InPlaceRunner forHost() {
    return new InPlaceRunner(HostTools.forHost(), ProcessFactory.DEFAULT);
  }

  @Override
  public RunResult run(RunCommand command, OutputSink sink) throws RunException {
    if (!command.mounts().isEmpty()) {
      throw new RunSetupException(command.location()
          + "RUN --mount is not supported in place (on /); build in chroot mode (--rootfs DIR)");
    }
    if (command.isolatedNetwork()) {
      throw new RunSetupException(command.location()
          + "RUN --network=none is not supported in place (on /); build in chroot mode (--rootfs DIR)");
    }
    try (Placeholders placeholders = new Placeholders(ROOT)) {
      PreparedRun prepared = PreparedRun.prepare(ROOT, command, placeholders);
      Map<String, String> env = environment(prepared.env());
      List<String> argv = new ArrayList<>(prepared.argv());
      argv.set(0, lookPath(argv.get(0), env.getOrDefault("PATH", "")));
      List<String> line = new ArrayList<>();
      if (!command.user().isEmpty()) {
        ResolvedUser user = prepared.user();
        line.addAll(List.of(tools.require("setpriv"), "--reuid=" + user.uid(),
            "--regid=" + user.gid(), "--groups=" + user.groupList(), "--"));
      }
      line.addAll(argv);
      return execution.run(command, line, env, prepared.workdir(), sink);
    }
  }

  private static Map<String, String> environment(List<String> entries) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      env.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return env;
  }

  /** {@code program} looked up in the command's PATH (as {@code env} would), else as given. */
  static String lookPath(String program, String path) {
    if (program.contains("/")) {
      return program;
    }
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return program;
  }
}
