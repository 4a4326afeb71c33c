package dev.kaniko.executor.logging;

import java.util.Objects;

/** The logging configuration chosen on the command line. */
public record LogSettings(LogLevel level, LogFormat format, boolean timestamps) {
  /** Info, plain text, no timestamps: what is used before the flags are parsed. */
  public static final LogSettings DEFAULT = new LogSettings(LogLevel.INFO, LogFormat.TEXT, false);

  public LogSettings {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(format, "format");
  }

  /** These settings, with {@code color} turned into {@code text} when not on a terminal. */
  public LogSettings forTerminal(boolean terminal) {
    return format == LogFormat.COLOR && !terminal
        ? new LogSettings(level, LogFormat.TEXT, timestamps)
        : this;
  }
}
