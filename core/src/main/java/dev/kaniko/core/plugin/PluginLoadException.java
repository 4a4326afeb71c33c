package dev.kaniko.core.plugin;

/** A plugin bundle is broken, incompatible or duplicated; the one-line message names the plugin. */
public class PluginLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message one line naming the plugin id (or bundle path when no id is known)
   */
  public PluginLoadException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message one line naming the plugin id (or bundle path when no id is known)
   * @param cause the underlying failure
   */
  public PluginLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
