package dev.kaniko.executor;

import dev.kaniko.core.options.WarmerOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The {@code warmer} command: flags to {@link WarmerOptions}, then one {@link WarmerRun}. */
public final class WarmerCli {
  private static final Logger LOG = LoggerFactory.getLogger(WarmerCli.class);

  private final Map<String, String> env;
  private final Frontend frontend;
  private final WarmerRun warmerRun;

  WarmerCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    this(env, out, err, terminal, new WarmerRun(env, Clock.systemUTC(), DistributionLayout.pluginsDir()));
  }

  WarmerCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, WarmerRun warmerRun) {
    this.env = env;
    this.frontend = new Frontend(out, err, terminal);
    this.warmerRun = warmerRun;
  }

  /** Runs the command and returns the process exit code. */
  public int run(String... args) {
    KnownSecrets.registerEnvironment(env);
    WarmerCommand command = new WarmerCommand();
    CommandLine commandLine = Frontend.commandLine(command);
    Frontend.Parsed parsed = frontend.parse(commandLine, args, FeatureGates.warmer(),
        command.logging, Map.of());
    if (parsed.exitCode().isPresent()) {
      return parsed.exitCode().get();
    }
    WarmerOptions options;
    try {
      options = map(command);
    } catch (UsageException e) {
      return frontend.error(Frontend.USAGE, e.getMessage());
    }
    if (options.images().isEmpty() && options.dockerfile().isEmpty()) {
      return frontend.error(Frontend.USAGE,
          "select at least one image to cache with --image (or --dockerfile)");
    }
    LOG.debug("warmer options: {}", options);
    try {
      warmerRun.run(options);
      return Frontend.OK;
    } catch (UserException e) {
      Optional.ofNullable(e.getCause()).ifPresent(frontend::debugStackTrace);
      return frontend.error(Frontend.FAILURE, e.getMessage());
    } catch (RuntimeException e) {
      return frontend.failure(e);
    }
  }

  private WarmerOptions map(WarmerCommand command) {
    return WarmerOptions.builder()
        .images(command.images)
        .dockerfile(FlagValues.optionalPath(command.dockerfile))
        .buildArgs(FlagValues.buildArgs(command.buildArgs, env))
        .cacheDir(command.cacheDir)
        .cacheTtl(command.cacheTtl)
        .force(command.force)
        .customPlatform(FlagValues.optional(command.customPlatform))
        .registry(BuildOptionsMapper.registry(command.registry))
        .pluginDirs(command.plugins.pluginDirs)
        .disabledPlugins(new LinkedHashSet<>(command.plugins.disabledPlugins))
        .build();
  }
}
