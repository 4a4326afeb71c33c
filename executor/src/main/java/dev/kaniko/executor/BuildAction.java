package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;

/** What the executor does with validated options. */
interface BuildAction {
  /**
   * Builds.
   *
   * @throws UserException for every failure the user can act on
   */
  void run(BuildOptions options);
}
