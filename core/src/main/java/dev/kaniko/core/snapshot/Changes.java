package dev.kaniko.core.snapshot;

import dev.kaniko.spi.ChangeSet;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Thread-safe collector of the paths a walk reports; a baseline walk reports nothing. */
final class Changes {

  private final boolean reporting;
  private final Queue<String> changed = new ConcurrentLinkedQueue<>();
  private final Queue<String> deleted = new ConcurrentLinkedQueue<>();
  private final Queue<String> opaque = new ConcurrentLinkedQueue<>();

  Changes(boolean reporting) {
    this.reporting = reporting;
  }

  void changed(String imagePath) {
    if (reporting) {
      changed.add(imagePath);
    }
  }

  void deleted(String imagePath) {
    if (reporting) {
      deleted.add(imagePath);
    }
  }

  void replacedDirectory(String imagePath) {
    if (reporting) {
      changed.add(imagePath);
      opaque.add(imagePath);
    }
  }

  ChangeSet toChangeSet() {
    Set<String> c = new HashSet<>(changed);
    return new ChangeSet(c, new HashSet<>(deleted), new HashSet<>(opaque));
  }
}
