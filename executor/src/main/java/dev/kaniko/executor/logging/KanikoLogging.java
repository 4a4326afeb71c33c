package dev.kaniko.executor.logging;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Process-wide logging state: the settings, where lines go (stderr) and the clock. */
public final class KanikoLogging {
  private static volatile LogSettings settings = LogSettings.DEFAULT;
  private static volatile PrintStream sink = System.err;
  private static volatile Clock clock = Clock.systemUTC();

  private KanikoLogging() {}

  /** Applies the settings chosen on the command line to every logger. */
  public static void configure(LogSettings newSettings) {
    settings = Objects.requireNonNull(newSettings, "settings");
  }

  /** The current settings. */
  public static LogSettings settings() {
    return settings;
  }

  /** Redirects log lines (tests; the default is stderr). */
  public static void redirect(PrintStream newSink, Clock newClock) {
    sink = Objects.requireNonNull(newSink, "sink");
    clock = Objects.requireNonNull(newClock, "clock");
  }

  /** Back to stderr, the system clock and the default settings. */
  public static void reset() {
    settings = LogSettings.DEFAULT;
    sink = System.err;
    clock = Clock.systemUTC();
  }

  /**
   * The line reporting a fatal user error: {@code error: message} in text and color formats, a
   * JSON object at level {@code error} with {@code --log-format=json}; redacted either way.
   */
  public static String errorLine(String message) {
    LogSettings current = settings;
    if (current.format() == LogFormat.JSON) {
      return LineFormatter.format(current, LogLevel.ERROR, message, null, clock.instant());
    }
    return SecretRedactor.redact("error: " + message);
  }

  static boolean enabled(LogLevel level) {
    return settings.level().allows(level);
  }

  static void write(LogLevel level, String message, Throwable error) {
    LogSettings current = settings;
    if (!current.level().allows(level)) {
      return;
    }
    Instant now = clock.instant();
    String line = LineFormatter.format(current, level, message, error, now);
    PrintStream out = sink;
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
