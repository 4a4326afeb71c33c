package dev.kaniko.executor.logging;

import java.util.Locale;
import org.slf4j.event.Level;

/** kaniko's verbosity levels, most verbose first ({@code --verbosity}). */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  FATAL,
  PANIC;

  /** Parses kaniko's lower-case spelling. */
  public static LogLevel parse(String value) {
    for (LogLevel level : values()) {
      if (level.flagValue().equals(value)) {
        return level;
      }
    }
    throw new IllegalArgumentException("invalid verbosity '" + value
        + "' (expected trace, debug, info, warn, error, fatal or panic)");
  }

  /** The level matching an slf4j level. */
  public static LogLevel of(Level level) {
    return valueOf(level.name());
  }

  /** The spelling used on the command line and in JSON lines. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a message at {@code level} is printed when this is the threshold. */
  public boolean allows(LogLevel level) {
    return level.ordinal() >= ordinal();
  }
}
