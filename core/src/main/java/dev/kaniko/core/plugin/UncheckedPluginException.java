package dev.kaniko.core.plugin;

import dev.kaniko.spi.PluginException;

/**
 * Carries a {@link PluginException} out of a plugin method that cannot throw checked exceptions
 * (such as {@code ContextSourceFactory.supports}); {@link #getCause()} names the plugin.
 */
public final class UncheckedPluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UncheckedPluginException(PluginException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized PluginException getCause() {
    return (PluginException) super.getCause();
  }
}
