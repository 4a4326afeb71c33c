package dev.kaniko.testsupport;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process together with all its descendants. */
final class ProcessTrees {

  private ProcessTrees() {}

  /** SIGTERM to the tree, then SIGKILL to whatever is still alive after a short grace period. */
  static void kill(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
