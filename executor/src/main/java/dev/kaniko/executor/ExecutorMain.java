package dev.kaniko.executor;

import java.nio.file.Path;
import java.util.Map;

/** Entry point of {@code bin/executor}. */
public final class ExecutorMain {
  private ExecutorMain() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    ExecutorRun run = new ExecutorRun(
        new PluginContextFetchers(env, DistributionLayout.pluginsDir()),
        new ContainerDetector(Path.of("/"), env),
        new DockerfileLocator(Path.of("").toAbsolutePath()));
    ExecutorCli cli = new ExecutorCli(env, System.out, System.err, System.console() != null, run);
    System.exit(cli.run(args));
  }
}
