package dev.kaniko.executor.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Turns one log event into one line (plus a stack trace at debug/trace) in the chosen format. */
final class LineFormatter {
  private static final String RESET = "\u001b[0m";

  private LineFormatter() {}

  static String format(
      LogSettings settings, LogLevel level, String message, Throwable error, Instant time) {
    boolean stackTraces = settings.level().ordinal() <= LogLevel.DEBUG.ordinal();
    if (settings.format() == LogFormat.JSON) {
      return json(level, message, error, time, stackTraces);
    }
    StringBuilder line = new StringBuilder();
    String levelName = level.name();
    if (settings.format() == LogFormat.COLOR) {
      line.append(color(level)).append(levelName).append(RESET);
    } else {
      line.append(levelName);
    }
    if (settings.timestamps()) {
      line.append('[').append(timestamp(time)).append(']');
    }
    line.append(' ').append(SecretRedactor.redact(message));
    if (error != null) {
      line.append(": ").append(SecretRedactor.redact(describe(error)));
      if (stackTraces) {
        line.append(System.lineSeparator()).append(SecretRedactor.redact(stackTrace(error)).stripTrailing());
      }
    }
    return line.toString();
  }

  private static String json(
      LogLevel level, String message, Throwable error, Instant time, boolean stackTraces) {
    StringBuilder line = new StringBuilder("{");
    field(line, "level", level.flagValue());
    line.append(',');
    field(line, "msg", SecretRedactor.redact(message));
    line.append(',');
    field(line, "time", timestamp(time));
    if (error != null) {
      line.append(',');
      field(line, "error", SecretRedactor.redact(describe(error)));
      if (stackTraces) {
        line.append(',');
        field(line, "stack", SecretRedactor.redact(stackTrace(error)));
      }
    }
    return line.append('}').toString();
  }

  private static void field(StringBuilder line, String name, String value) {
    line.append('"').append(name).append("\":\"");
    Json.escape(value, line);
    line.append('"');
  }

  private static String timestamp(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time);
  }

  private static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getName() : error.getMessage();
  }

  private static String stackTrace(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static String color(LogLevel level) {
    switch (level) {
      case TRACE:
      case DEBUG:
        return "\u001b[37m";
      case INFO:
        return "\u001b[36m";
      case WARN:
        return "\u001b[33m";
      default:
        return "\u001b[31m";
    }
  }
}
