package dev.kaniko.executor.logging;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@link System.Logger} (what plugins get from {@code PluginContext.logger()}, and the
 * JDK's own logging) to slf4j, so every line gets the same format, level and redaction.
 */
public final class KanikoLoggerFinder extends System.LoggerFinder {

  @Override
  public System.Logger getLogger(String name, Module module) {
    return new Bridge(LoggerFactory.getLogger(name));
  }

  /** One System.Logger backed by one slf4j logger. */
  private static final class Bridge implements System.Logger {
    private final Logger delegate;

    Bridge(Logger delegate) {
      this.delegate = delegate;
    }

    @Override
    public String getName() {
      return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
      switch (level) {
        case ALL:
        case TRACE:
          return delegate.isTraceEnabled();
        case DEBUG:
          return delegate.isDebugEnabled();
        case INFO:
          return delegate.isInfoEnabled();
        case WARNING:
          return delegate.isWarnEnabled();
        case ERROR:
          return delegate.isErrorEnabled();
        default:
          return false;
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable error) {
      if (isLoggable(level)) {
        emit(level, message, error);
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        String message = params == null || params.length == 0
            ? format : MessageFormat.format(format, params);
        emit(level, message, null);
      }
    }

    private void emit(Level level, String message, Throwable error) {
      switch (level) {
        case ALL:
        case TRACE:
          delegate.trace(message, error);
          break;
        case DEBUG:
          delegate.debug(message, error);
          break;
        case INFO:
          delegate.info(message, error);
          break;
        case WARNING:
          delegate.warn(message, error);
          break;
        default:
          delegate.error(message, error);
      }
    }
  }
}
