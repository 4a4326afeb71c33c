package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.SnapshotStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redo}: mode, size, mtime, uid and gid; content is never read. */
class RedoSnapshotTest {

  @TempDir Path dir;
  TestTree tree;
  SnapshotStrategy strategy;

  @BeforeEach
  void setUp() throws Exception {
    tree = new TestTree(dir);
    tree.write("app/config", "aaaa").write("app/data", "payload").write("bin/sh", "shell");
    ContentHasher forbidden = file -> {
      throw new AssertionError("redo must not read " + file);
    };
    strategy = new TreeSnapshotStrategy(SnapshotMode.REDO, new UnixStatReader(), forbidden, 2);
    strategy.baseline(tree.view);
    TestTree.tick();
  }

  @Test
  void diff_catchesChmodChownTouchAndSizeChanges() throws Exception {
    tree.chmod("app/config", "rwx------").chown("app/data", 1000, 1000).setMtime("bin/sh", FileTime.from(Instant.EPOCH));

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config", "/app/data", "/bin/sh");

    tree.rewriteKeepingMtime("app/config", "a longer content");

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config");
  }

  @Test
  void diff_missesASameSizeSameMtimeContentChange() throws Exception {
    tree.rewriteKeepingMtime("app/config", "bbbb");

    assertThat(tree.diff(strategy).isEmpty()).isTrue();
  }

  @Test
  void diff_missesASameLengthSymlinkRetargetWithTheOldMtime() throws Exception {
    // symlink times are set with microsecond precision only, so use a time that survives it
    FileTime mtime = FileTime.from(Instant.parse("2024-01-01T00:00:00.123456Z"));
    tree.symlink("app/current", "/opt/v1").setMtime("app/current", mtime);
    strategy.baseline(tree.view);
    FileTime appMtime = tree.mtime("app");
    Files.delete(tree.path("app/current"));
    tree.symlink("app/current", "/opt/v2").setMtime("app/current", mtime).setMtime("app", appMtime);

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.changed()).isEmpty();
    assertThat(changes.deleted()).isEmpty();
  }
}
