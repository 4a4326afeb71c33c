package dev.kaniko.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The distribution's directories, found through the {@code kaniko.home} property the launch scripts set. */
final class DistributionLayout {
  static final String HOME_PROPERTY = "kaniko.home";

  private DistributionLayout() {}

  /** The distribution's root directory, when running from the distribution. */
  static Optional<Path> home() {
    String home = System.getProperty(HOME_PROPERTY);
    return home == null || home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home));
  }

  /** The distribution's {@code plugins/} directory, when running from the distribution. */
  static Optional<Path> pluginsDir() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null || home.isEmpty()) {
      return Optional.empty();
    }
    Path plugins = Path.of(home, "plugins");
    return Files.isDirectory(plugins) ? Optional.of(plugins) : Optional.empty();
  }
}
