package dev.kaniko.executor.logging;

import java.util.Locale;

/** Log line formats ({@code --log-format}). */
public enum LogFormat {
  TEXT,
  COLOR,
  JSON;

  /** Parses kaniko's lower-case spelling. */
  public static LogFormat parse(String value) {
    for (LogFormat format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "invalid log format '" + value + "' (expected text, color or json)");
  }
}
