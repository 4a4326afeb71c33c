package dev.kaniko.core.run;

import java.util.List;
import java.util.Optional;

/**
 * The argv to execute inside the rootfs, and the heredoc script file it needs, if any.
 *
 * @param script a file to write at {@link ScriptFile#path()} (inside the rootfs) before running
 */
record PlannedCommand(List<String> argv, Optional<ScriptFile> script) {
  PlannedCommand {
    argv = List.copyOf(argv);
  }

  /** An executable file written into the rootfs for the command's duration. */
  record ScriptFile(String path, String content) {}
}
