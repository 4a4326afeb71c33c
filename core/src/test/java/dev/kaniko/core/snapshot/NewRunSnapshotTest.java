package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.SnapshotStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new-run}: paths whose mtime or ctime is not older than the marker of the last snapshot. */
class NewRunSnapshotTest {

  @TempDir Path dir;
  TestTree tree;

  @BeforeEach
  void setUp() throws Exception {
    tree = new TestTree(dir);
    tree.write("app/config", "aaaa").write("app/data", "payload").write("bin/sh", "shell");
  }

  private SnapshotStrategy baseline(StatReader stats) throws Exception {
    ContentHasher forbidden = file -> {
      throw new AssertionError("new-run must not read " + file);
    };
    SnapshotStrategy strategy = new TreeSnapshotStrategy(SnapshotMode.NEW_RUN, stats, forbidden, 2);
    strategy.baseline(tree.view);
    return strategy;
  }

  @Test
  void diff_catchesChangesRightAfterTheSnapshotWithoutWaiting() throws Exception {
    SnapshotStrategy strategy = baseline(new UnixStatReader());
    tree.write("app/config", "new");

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config");
  }

  @Test
  void diff_catchesChangesThatRestoreTheMtimeThroughTheCtime() throws Exception {
    SnapshotStrategy strategy = baseline(new UnixStatReader());
    tree.rewriteKeepingMtime("app/config", "bbbb").chmod("app/data", "rwx------").chown("bin/sh", 1000, 1000);

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config", "/app/data", "/bin/sh");
  }

  @Test
  void diff_overReportsStatusOnlyChangesAndOtherNamesOfAHardlink() throws Exception {
    SnapshotStrategy strategy = baseline(new UnixStatReader());
    Files.setPosixFilePermissions(tree.path("bin/sh"), Files.getPosixFilePermissions(tree.path("bin/sh")));
    tree.hardlink("app/data-link", "app/data");

    assertThat(tree.diff(strategy).changed()).containsExactly("/app", "/app/data", "/app/data-link", "/bin/sh");
  }

  @Test
  void diff_reportsAFileWithAFutureMtimeAtEverySnapshot() throws Exception {
    tree.setMtime("app/config", FileTime.from(Instant.now().plus(1, ChronoUnit.DAYS)));
    SnapshotStrategy strategy = baseline(new UnixStatReader());

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config");
    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config");
  }

  @Test
  void diff_missesChangesWhenTheFileSystemDoesNotMaintainCtime() throws Exception {
    StatReader noCtime = path -> {
      FileStat s = new UnixStatReader().lstat(path);
      return s == null ? null : new FileStat(
          s.mode(), s.uid(), s.gid(), s.size(), s.mtimeNanos(), s.mtimeNanos(), s.inode(), s.device(), s.nlink(), s.rdev());
    };
    SnapshotStrategy strategy = baseline(noCtime);
    tree.rewriteKeepingMtime("app/config", "bbbb");

    assertThat(tree.diff(strategy).isEmpty()).isTrue();
  }
}
