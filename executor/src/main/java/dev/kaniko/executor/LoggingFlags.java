package dev.kaniko.executor;

import dev.kaniko.executor.logging.LogFormat;
import dev.kaniko.executor.logging.LogLevel;
import dev.kaniko.executor.logging.LogSettings;
import picocli.CommandLine.Option;

/** {@code --verbosity}, {@code --log-format}, {@code --log-timestamp}: shared by both commands. */
final class LoggingFlags {
  @Option(names = {"-v", "--verbosity"}, defaultValue = "info", paramLabel = "LEVEL",
      converter = Converters.LogLevelConverter.class,
      description = "Log level: trace, debug, info, warn, error, fatal, panic (default: ${DEFAULT-VALUE}).")
  LogLevel verbosity;

  @Option(names = "--log-format", defaultValue = "color", paramLabel = "FORMAT",
      converter = Converters.LogFormatConverter.class,
      description = "Log format: text, color, json (default: ${DEFAULT-VALUE}).")
  LogFormat logFormat;

  @Option(names = "--log-timestamp", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Timestamps in text and color logs.")
  boolean logTimestamp;

  LogSettings settings(boolean terminal) {
    return new LogSettings(verbosity, logFormat, logTimestamp).forTerminal(terminal);
  }
}
