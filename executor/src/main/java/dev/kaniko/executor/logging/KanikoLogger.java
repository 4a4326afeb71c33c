package dev.kaniko.executor.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An slf4j logger writing through {@link KanikoLogging}. Libraries (loggers outside
 * {@code dev.kaniko} and {@code kaniko.}) are chatty: their info lines show at debug and their
 * debug lines at trace.
 */
final class KanikoLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient LogLevel infoLevel;
  private final transient LogLevel debugLevel;

  KanikoLogger(String name) {
    this.name = name;
    boolean ours = isOurs(name);
    this.infoLevel = ours ? LogLevel.INFO : LogLevel.DEBUG;
    this.debugLevel = ours ? LogLevel.DEBUG : LogLevel.TRACE;
  }

  static boolean isOurs(String name) {
    return name.startsWith("dev.kaniko.") || name.startsWith("kaniko.");
  }

  @Override
  public boolean isTraceEnabled() {
    return KanikoLogging.enabled(LogLevel.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return KanikoLogging.enabled(debugLevel);
  }

  @Override
  public boolean isInfoEnabled() {
    return KanikoLogging.enabled(infoLevel);
  }

  @Override
  public boolean isWarnEnabled() {
    return KanikoLogging.enabled(LogLevel.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return KanikoLogging.enabled(LogLevel.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable error) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    LogLevel logLevel = level == Level.INFO ? infoLevel
        : level == Level.DEBUG ? debugLevel : LogLevel.of(level);
    KanikoLogging.write(logLevel, message, error);
  }
}
