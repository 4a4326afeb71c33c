package dev.kaniko.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs RUN commands in place (rootfs {@code /}, kaniko's mode inside the executor image): no namespace,
 * no chroot; {@code env -i} for the environment and {@code setpriv} for the user.
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
    try (Placeholders placeholders = new Placeholders(ROOT)) {
      PreparedRun prepared = PreparedRun.prepare(ROOT, command, placeholders);
      List<String> line = new ArrayList<>(prepared.envPrefix(tools.require("env")));
      ResolvedUser user = prepared.user();
      line.addAll(List.of(tools.require("setpriv"), "--reuid=" + user.uid(), "--regid=" + user.gid(),
          "--groups=" + user.groupList(), "--"));
      line.addAll(prepared.argv());
      return execution.run(command, line, tools.searchPath(), prepared.workdir(), sink);
    }
  }
}
