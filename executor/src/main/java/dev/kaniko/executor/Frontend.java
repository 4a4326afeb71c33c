package dev.kaniko.executor;

import dev.kaniko.executor.logging.KanikoLogging;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The steps every command shares: parse, help/version, logging, deprecations, feature gates. */
final class Frontend {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(Frontend.class);

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  Frontend(PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /**
   * The outcome of the shared steps: an exit code, or the flags matched on the command line (as
   * typed, long form, once per occurrence, in order).
   */
  record Parsed(Optional<Integer> exitCode, List<String> matchedFlags) {
    static Parsed exit(int code) {
      return new Parsed(Optional.of(code), List.of());
    }
  }

  /** A picocli command line for {@code command}, set up for kaniko's conventions. */
  static CommandLine commandLine(Object command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setTrimQuotes(false);
    return commandLine;
  }

  Parsed parse(CommandLine commandLine, String[] args, FeatureGates gates, LoggingFlags logging,
      Map<String, String> aliases) {
    ParseResult result;
    try {
      result = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      return Parsed.exit(error(USAGE, e.getMessage()
          + " (see '" + commandLine.getCommandName() + " --help')"));
    }
    if (result.isUsageHelpRequested()) {
      commandLine.usage(out);
      return Parsed.exit(OK);
    }
    if (result.isVersionHelpRequested()) {
      commandLine.printVersionHelp(out);
      return Parsed.exit(OK);
    }
    KanikoLogging.configure(logging.settings(terminal));
    List<String> matched = matchedFlags(result);
    matched.stream().filter(aliases::containsKey).distinct()
        .forEach(alias -> LOG.warn(DeprecatedAliases.warning(alias, aliases.get(alias))));
    Optional<String> unsupported = gates.firstUnsupported(canonicalFlags(matched, aliases));
    if (unsupported.isPresent()) {
      return Parsed.exit(error(FAILURE, FeatureGates.notSupported(unsupported.get())));
    }
    return new Parsed(Optional.empty(), matched);
  }

  /** Prints {@code error: message} (redacted; a JSON line with --log-format=json), returns {@code code}. */
  int error(int code, String message) {
    err.println(KanikoLogging.errorLine(message));
    err.flush();
    return code;
  }

  /** Logs the stack trace of {@code cause} at debug verbosity. */
  void debugStackTrace(Throwable cause) {
    LOG.debug("caused by", cause);
  }

  /** Reports an unexpected failure: one line, the stack trace only at debug verbosity. */
  int failure(Throwable failure) {
    LOG.debug("stack trace of the failure below", failure);
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return error(FAILURE, message);
  }

  /** Long names of the options on the command line, once per occurrence, in order. */
  static List<String> matchedFlags(ParseResult result) {
    List<String> flags = new ArrayList<>();
    for (OptionSpec option : result.matchedOptions()) {
      flags.add(option.longestName());
    }
    return flags;
  }

  /** Distinct canonical names of {@code matched}, deprecated aliases replaced, in order. */
  static List<String> canonicalFlags(List<String> matched, Map<String, String> aliases) {
    Set<String> flags = new LinkedHashSet<>();
    for (String name : matched) {
      flags.add(aliases.getOrDefault(name, name));
    }
    return new ArrayList<>(flags);
  }
}
