package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class IgnoredPathsTest {
  @Test
  void under_matchesTheDirectoryAndBelowOnly() {
    Predicate<String> ignored = IgnoredPaths.under("/proc", "/kaniko/");

    assertThat(ignored).accepts("/proc", "/proc/1/status", "/kaniko", "/kaniko/executor");
    assertThat(ignored).rejects("/", "/procfs", "/kanikox", "/etc/proc");
  }

  @Test
  void under_rejectsRelativePaths() {
    assertThatThrownBy(() -> IgnoredPaths.under("proc"))
        .hasMessage("ignored path must be absolute: proc");
  }
}
