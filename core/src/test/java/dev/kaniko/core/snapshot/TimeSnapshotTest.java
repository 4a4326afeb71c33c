package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.SnapshotStrategy;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code time}: modification time only. */
class TimeSnapshotTest {

  @TempDir Path dir;
  TestTree tree;
  SnapshotStrategy strategy;

  @BeforeEach
  void setUp() throws Exception {
    tree = new TestTree(dir);
    tree.write("app/config", "aaaa").write("app/data", "payload").write("bin/sh", "shell");
    strategy = TreeSnapshotStrategy.of(SnapshotMode.TIME, 2);
    strategy.baseline(tree.view);
    TestTree.tick();
  }

  @Test
  void diff_catchesWritesAndTouch() throws Exception {
    tree.write("app/config", "new").setMtime("bin/sh", FileTime.from(Instant.EPOCH));

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config", "/bin/sh");
  }

  @Test
  void diff_missesChmodAndChown() throws Exception {
    tree.chmod("app/config", "rwx------").chown("app/data", 1000, 1000);

    assertThat(tree.diff(strategy).isEmpty()).isTrue();
  }

  @Test
  void diff_missesAContentChangeWithTheOldMtimeEvenOfAnotherSize() throws Exception {
    tree.rewriteKeepingMtime("app/config", "bbbb").rewriteKeepingMtime("app/data", "a much longer payload");

    assertThat(tree.diff(strategy).isEmpty()).isTrue();
  }
}
