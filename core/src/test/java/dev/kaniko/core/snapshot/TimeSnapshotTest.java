package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.SnapshotStrategy;
import java.nio.file.Files;
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

  @Test
  void diff_missesASymlinkRetargetWithTheOldMtime() throws Exception {
    // symlink times are set with microsecond precision only, so use a time that survives it
    FileTime mtime = FileTime.from(Instant.parse("2024-01-01T00:00:00.123456Z"));
    tree.symlink("app/current", "/opt/first-version").setMtime("app/current", mtime);
    strategy.baseline(tree.view);
    FileTime appMtime = tree.mtime("app");
    Files.delete(tree.path("app/current"));
    tree.symlink("app/current", "/v2").setMtime("app/current", mtime).setMtime("app", appMtime);

    assertThat(tree.diff(strategy).isEmpty()).isTrue();
  }
}
