package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import picocli.CommandLine;

/** The {@code executor} command: flags to {@link BuildOptions}, then one {@link BuildAction}. */
public final class ExecutorCli {
  private final Map<String, String> env;
  private final Frontend frontend;
  private final BuildAction buildAction;
  private final FeatureGates gates;

  ExecutorCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
      BuildAction buildAction) {
    this(env, out, err, terminal, buildAction, FeatureGates.executor());
  }

  /** @param gates which flags have a feature behind them (tests withdraw some) */
  ExecutorCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
      BuildAction buildAction, FeatureGates gates) {
    this.gates = gates;
    this.env = env;
    this.frontend = new Frontend(out, err, terminal);
    this.buildAction = buildAction;
  }

  /** Runs the command and returns the process exit code. */
  public int run(String... args) {
    KnownSecrets.registerEnvironment(env);
    ExecutorCommand command = new ExecutorCommand();
    CommandLine commandLine = Frontend.commandLine(command);
    commandLine.getCommandSpec().usageMessage().footer(footer());
    Frontend.Parsed parsed = frontend.parse(commandLine, args, gates,
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
    KnownSecrets.registerUri(options.context());
    return execute(options);
  }

  private static String[] footer() {
    List<String> lines = new ArrayList<>();
    lines.add("%nDeprecated aliases, still accepted with a warning:");
    new TreeMap<>(DeprecatedAliases.executor()).forEach((alias, replacement) ->
        lines.add(String.format("  %-22s use %s", alias, replacement)));
    lines.add("Hidden kaniko flag: -b, --bucket (GCS bucket holding the context tarball).");
    lines.add("Exit codes: 0 success, 1 build failure or unsupported feature, 2 invalid flags.");
    return lines.toArray(String[]::new);
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
