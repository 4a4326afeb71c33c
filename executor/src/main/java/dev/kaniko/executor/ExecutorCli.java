package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** The {@code executor} command: flags to {@link BuildOptions}, then one {@link BuildAction}. */
public final class ExecutorCli {
  private final Map<String, String> env;
  private final Frontend frontend;
  private final BuildAction buildAction;

  ExecutorCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
      BuildAction buildAction) {
    this.env = env;
    this.frontend = new Frontend(out, err, terminal);
    this.buildAction = buildAction;
  }

  /** Runs the command and returns the process exit code. */
  public int run(String... args) {
    ExecutorCommand command = new ExecutorCommand();
    CommandLine commandLine = Frontend.commandLine(command);
    Frontend.Parsed parsed = frontend.parse(commandLine, args, FeatureGates.executor(),
        command.logging, DeprecatedAliases.executor());
    if (parsed.exitCode().isPresent()) {
      return parsed.exitCode().get();
    }
    BuildOptions options;
    try {
      options = new BuildOptionsMapper(env).map(command, parsed.matchedFlags());
    } catch (UsageException e) {
      return frontend.error(Frontend.USAGE, e.getMessage());
    }
    return execute(options);
  }

  private int execute(BuildOptions options) {
    try {
      buildAction.run(options);
      return Frontend.OK;
    } catch (UserException e) {
      Optional.ofNullable(e.getCause()).ifPresent(cause -> frontend.debugStackTrace(cause));
      return frontend.error(Frontend.FAILURE, e.getMessage());
    } catch (RuntimeException e) {
      return frontend.failure(e);
    }
  }
}
