package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.executor.logging.KanikoLogging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the commands in-process with captured output. */
final class CliHarness {
  /** The outcome of one run; {@code built} holds the options handed to the build, if any. */
  record Result(int exitCode, String out, String err, List<BuildOptions> built) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    String lastErrLine() {
      List<String> lines = errLines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  private CliHarness() {}

  static Result executor(Map<String, String> env, BuildAction action, String... args) {
    return executor(FeatureGates.executor(), env, action, args);
  }

  /** Runs the executor with {@code gates} (e.g. some flags withdrawn) and a no-op build. */
  static Result executorGated(FeatureGates gates, String... args) {
    return executor(gates, Map.of(), options -> {}, args);
  }

  private static Result executor(FeatureGates gates, Map<String, String> env, BuildAction action,
      String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    KanikoLogging.redirect(errStream, Clock.systemUTC());
    List<BuildOptions> built = new ArrayList<>();
    try {
      int code = new ExecutorCli(env, new PrintStream(out, true, StandardCharsets.UTF_8), errStream,
          false, options -> {
            built.add(options);
            action.run(options);
          }, gates).run(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8), built);
    } finally {
      KanikoLogging.reset();
    }
  }

  /** Runs the executor with a build that succeeds without doing anything. */
  static Result executor(String... args) {
    return executor(Map.of(), options -> {}, args);
  }

  static Result warmer(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    KanikoLogging.redirect(errStream, Clock.systemUTC());
    try {
      int code = new WarmerCli(env, new PrintStream(out, true, StandardCharsets.UTF_8), errStream,
          false).run(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8), List.of());
    } finally {
      KanikoLogging.reset();
    }
  }

  /** Parses and maps executor flags, bypassing the feature gates (to test the mapping itself). */
  static BuildOptions parse(Map<String, String> env, String... args) {
    ExecutorCommand command = new ExecutorCommand();
    CommandLine commandLine = Frontend.commandLine(command);
    CommandLine.ParseResult result = commandLine.parseArgs(args);
    return new BuildOptionsMapper(env).map(command, Frontend.matchedFlags(result));
  }

  static BuildOptions parse(String... args) {
    return parse(Map.of(), args);
  }
}
