package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.SnapshotStrategy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code full}: content, mode, owner, mtime and link targets; unchanged status is never re-read. */
class FullSnapshotTest {

  @TempDir Path dir;
  TestTree tree;
  CountingHasher hasher = new CountingHasher();
  SnapshotStrategy strategy;

  @BeforeEach
  void setUp() throws Exception {
    tree = new TestTree(dir);
    tree.write("app/config", "aaaa").write("app/data", "payload").write("bin/sh", "shell");
    for (int i = 0; i < 200; i++) {
      tree.write("usr/share/doc/file" + i, "doc " + i);
    }
    strategy = new TreeSnapshotStrategy(SnapshotMode.FULL, new UnixStatReader(), hasher, 2);
    strategy.baseline(tree.view);
    TestTree.tick();
    hasher.read.clear();
  }

  @Test
  void baseline_hashesEveryRegularFileOnce() throws Exception {
    CountingHasher fresh = new CountingHasher();
    new TreeSnapshotStrategy(SnapshotMode.FULL, new UnixStatReader(), fresh, 2).baseline(tree.view);

    assertThat(fresh.read).hasSize(203).doesNotHaveDuplicates();
  }

  @Test
  void baseline_readsAHardLinkedFileOnceForAllItsNames() throws Exception {
    tree.write("bin/busybox", "a static multi-call binary");
    for (int i = 0; i < 50; i++) {
      tree.hardlink("bin/applet" + i, "bin/busybox");
    }
    CountingHasher fresh = new CountingHasher();

    new TreeSnapshotStrategy(SnapshotMode.FULL, new UnixStatReader(), fresh, 2).baseline(tree.view);

    // 203 files plus one inode with 51 names, read once (parallel tasks may race to read it twice)
    assertThat(fresh.read).hasSizeBetween(204, 205);
    assertThat(fresh.read).filteredOn(p -> p.getFileName().toString().matches("busybox|applet.*"))
        .hasSizeBetween(1, 2);
  }

  @Test
  void diff_readsOnlyTheFileWhoseStatusChanged() throws Exception {
    tree.write("usr/share/doc/file7", "new doc");

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.changed()).containsExactly("/usr/share/doc/file7");
    assertThat(hasher.read).containsExactly(tree.path("usr/share/doc/file7"));
    assertThat(tree.diff(strategy).isEmpty()).isTrue();
    assertThat(hasher.read).hasSize(1);
  }

  @Test
  void diff_catchesASameSizeSameMtimeContentChange() throws Exception {
    tree.rewriteKeepingMtime("app/config", "bbbb");

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config");
  }

  @Test
  void diff_catchesChmodChownAndTouch() throws Exception {
    tree.chmod("app/config", "rwx------").chown("app/data", 1000, 1000).setMtime("bin/sh", FileTime.from(Instant.EPOCH));

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/config", "/app/data", "/bin/sh");
  }

  @Test
  void diff_ignoresAStatusChangeThatLeavesContentModeOwnerAndMtimeAsTheyWere() throws Exception {
    Files.setPosixFilePermissions(tree.path("app/config"), Files.getPosixFilePermissions(tree.path("app/config")));
    tree.chown("app/data", 0, 0);
    tree.rewriteKeepingMtime("bin/sh", "shell");

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.isEmpty()).isTrue();
    assertThat(hasher.read).containsExactlyInAnyOrder(tree.path("app/config"), tree.path("app/data"), tree.path("bin/sh"));
  }

  @Test
  void diff_catchesASymlinkRetargetedToASameLengthTargetWithTheOldMtime() throws Exception {
    // symlink times are set with microsecond precision only, so use a time that survives it
    FileTime mtime = FileTime.from(Instant.parse("2024-01-01T00:00:00.123456Z"));
    tree.symlink("app/current", "/opt/v1").setMtime("app/current", mtime);
    strategy.baseline(tree.view);
    Files.delete(tree.path("app/current"));
    tree.symlink("app/current", "/opt/v2").setMtime("app/current", mtime);

    assertThat(tree.diff(strategy).changed()).contains("/app/current");
  }

  @Test
  void diff_reportsOnlyTheNewNameOfAHardlinkAndBothNamesWhenItsContentChanges() throws Exception {
    tree.hardlink("app/data-link", "app/data");

    assertThat(tree.diff(strategy).changed()).containsExactly("/app", "/app/data-link");

    TestTree.tick();
    Files.writeString(tree.path("app/data-link"), "new payload");

    assertThat(tree.diff(strategy).changed()).containsExactly("/app/data", "/app/data-link");
  }

  @Test
  void diff_missesAnXattrOnlyChange() throws Exception {
    UserDefinedFileAttributeView xattrs =
        Files.getFileAttributeView(tree.path("app/config"), UserDefinedFileAttributeView.class);
    assumeThat(xattrs).as("user xattrs supported").isNotNull();
    xattrs.write("user.kaniko.test", ByteBuffer.wrap("1".getBytes(StandardCharsets.UTF_8)));

    assertThat(tree.diff(strategy).isEmpty()).as("xattrs are not compared (documented)").isTrue();
    assertThat(hasher.read).containsExactly(tree.path("app/config"));
  }

  @Test
  void diff_treatsAFileRemovedWhileBeingReadAsDeleted() throws Exception {
    Path victim = tree.path("app/data");
    java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
    ContentHasher racing = file -> {
      if (armed.get() && file.equals(victim)) {
        Files.delete(file);
      }
      return new Sha256ContentHasher().hash(file);
    };
    SnapshotStrategy racy = new TreeSnapshotStrategy(SnapshotMode.FULL, new UnixStatReader(), racing, 1);
    tree.write("app/keep", "k");
    racy.baseline(tree.view);
    TestTree.tick();
    tree.write("app/data", "changed");
    armed.set(true);

    ChangeSet changes = tree.diff(racy);

    assertThat(changes.deleted()).containsExactly("/app/data");
    assertThat(changes.changed()).isEmpty();
  }

  @Test
  void diff_failsLoudlyNamingAPathThatCannotBeRead() throws Exception {
    Path secret = tree.path("app/config");
    StatReader denying = path -> {
      if (path.equals(secret)) {
        throw new java.nio.file.AccessDeniedException(path.toString(), null, "Permission denied");
      }
      return new UnixStatReader().lstat(path);
    };
    SnapshotStrategy denied = new TreeSnapshotStrategy(SnapshotMode.FULL, denying, hasher, 2);

    assertThatThrownBy(() -> denied.baseline(tree.view))
        .isInstanceOf(PluginException.class)
        .hasMessage("cannot snapshot " + dir + ": AccessDeniedException " + secret + ": Permission denied");
  }

  @Test
  void diff_refusesToContinueAfterAFailedDiff() throws Exception {
    Path secret = tree.path("app/config");
    java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
    StatReader denying = path -> {
      if (armed.get() && path.equals(secret)) {
        throw new java.nio.file.AccessDeniedException(path.toString());
      }
      return new UnixStatReader().lstat(path);
    };
    SnapshotStrategy flaky = new TreeSnapshotStrategy(SnapshotMode.FULL, denying, hasher, 2);
    flaky.baseline(tree.view);
    armed.set(true);

    assertThatThrownBy(() -> tree.diff(flaky)).hasMessageContaining("AccessDeniedException " + secret);
    armed.set(false);
    assertThatThrownBy(() -> tree.diff(flaky)).hasMessageContaining("without a baseline");
  }
}
