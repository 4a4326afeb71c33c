package dev.kaniko.core.plugin;

import dev.kaniko.spi.PluginException;
import java.util.function.Supplier;

/**
 * Runs calls into one plugin with the thread context class loader set to the plugin's loader and
 * turns its RuntimeExceptions (and linkage errors) into exceptions naming the plugin.
 */
final class PluginGuard {

  /** A call into plugin code. */
  @FunctionalInterface
  interface PluginCall<R> {
    R call() throws PluginException;
  }

  private final String pluginId;
  private final ClassLoader loader;

  PluginGuard(String pluginId, ClassLoader loader) {
    this.pluginId = pluginId;
    this.loader = loader;
  }

  String pluginId() {
    return pluginId;
  }

  ClassLoader loader() {
    return loader;
  }

  /** Runs a call that may throw {@link PluginException}; RuntimeExceptions become one. */
  <R> R call(String operation, PluginCall<R> call) throws PluginException {
    ClassLoader previous = enter();
    try {
      return call.call();
    } catch (RuntimeException | LinkageError e) {
      throw failure(operation, e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** Runs a call that cannot throw checked exceptions; failures become {@link UncheckedPluginException}. */
  <R> R callUnchecked(String operation, Supplier<R> call) {
    ClassLoader previous = enter();
    try {
      return call.get();
    } catch (RuntimeException | LinkageError e) {
      throw new UncheckedPluginException(failure(operation, e));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** Runs a call made while loading; every failure becomes a {@link PluginLoadException}. */
  <R> R callAtLoad(String operation, PluginCall<R> call) {
    ClassLoader previous = enter();
    try {
      return call.call();
    } catch (PluginException | RuntimeException | LinkageError e) {
      throw new PluginLoadException(
          "plugin '" + pluginId + "' is broken: " + operation + " failed: " + describe(e), e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /** The exception reported when {@code operation} failed with {@code cause}. */
  PluginException failure(String operation, Throwable cause) {
    return new PluginException(
        PluginException.Reason.OTHER,
        "plugin '" + pluginId + "' failed in " + operation + ": " + describe(cause),
        cause);
  }

  private ClassLoader enter() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    return previous;
  }

  /** The exception's class and the first line of its message. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getName();
    }
    int newline = message.indexOf('\n');
    String firstLine = newline < 0 ? message : message.substring(0, newline);
    return e.getClass().getSimpleName() + ": " + firstLine.strip();
  }
}
