package dev.kaniko.spi;

import java.nio.file.Path;
import java.util.Map;

/** Host services handed to {@link ProviderFactory#create}: environment, scratch space and logging. */
public interface PluginContext {

  /** The environment the build runs with; use it instead of {@link System#getenv()}. */
  Map<String, String> env();

  /** A private, writable scratch directory for this plugin. */
  Path workDir();

  /** Logger for this plugin; never log secrets. */
  System.Logger logger();
}
