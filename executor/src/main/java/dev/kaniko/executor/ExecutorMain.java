package dev.kaniko.executor;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/** Entry point of {@code bin/executor}. */
public final class ExecutorMain {
  private ExecutorMain() {}

  public static void main(String[] args) {
    StartupTimes startup = new StartupTimes(OptionalLong.of(System.currentTimeMillis()));
    Map<String, String> env = System.getenv();
    ExecutorRun run = new ExecutorRun(
        new PluginContextFetchers(env, DistributionLayout.pluginsDir(), startup),
        new ContainerDetector(Path.of("/"), env),
        new DockerfileLocator(Path.of("").toAbsolutePath()), startup);
    ExecutorCli cli = new ExecutorCli(env, System.out, System.err, System.console() != null, run);
    System.exit(cli.run(args));
  }
}
