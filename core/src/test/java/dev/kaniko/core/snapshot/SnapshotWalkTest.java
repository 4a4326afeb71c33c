package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.SnapshotStrategy;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every mode detects: additions, deletions, type changes, replaced directories, ignored paths. */
class SnapshotWalkTest {

  @TempDir Path dir;
  TestTree tree;
  RecordingStatReader stats = new RecordingStatReader();

  @BeforeEach
  void setUp() throws Exception {
    tree = new TestTree(dir, "/proc", "/kaniko");
    tree.write("etc/passwd", "root:x:0:0\n")
        .write("usr/lib/a.so", "a")
        .write("usr/lib/sub/b.so", "b")
        .write("var/file", "f")
        .write("var/dir/child", "c")
        .write("proc/1/status", "running")
        .write("kaniko/executor", "bin");
  }

  private SnapshotStrategy baseline(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = new TreeSnapshotStrategy(mode, stats, new CountingHasher(), 3);
    strategy.baseline(tree.view);
    TestTree.tick();
    return strategy;
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_reportsNothingWhenNothingChanged(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = baseline(mode);

    assertThat(tree.diff(strategy).isEmpty()).isTrue();
    assertThat(tree.diff(strategy).isEmpty()).isTrue();
    assertThat(dir.resolve(MarkerChangeDetector.MARKER_NAME)).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_reportsAdditionsWithNewDirectoriesAndTheirParent(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = baseline(mode);
    tree.write("usr/local/bin/tool", "#!/bin/sh");

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.changed()).containsExactly("/usr", "/usr/local", "/usr/local/bin", "/usr/local/bin/tool");
    assertThat(changes.deleted()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_collapsesADeletedDirectoryIntoOnePath(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = baseline(mode);
    tree.delete("usr/lib");
    Files.delete(tree.path("var/file"));

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.deleted()).containsExactly("/usr/lib", "/var/file");
    assertThat(changes.changed()).containsExactly("/usr", "/var");
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_reportsTypeChangesWithoutWhiteoutsForTheOldChildren(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = baseline(mode);
    Files.delete(tree.path("var/file"));
    tree.write("var/file/now-a-dir", "x");
    tree.delete("var/dir");
    tree.write("var/dir", "now a file");

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.changed()).containsExactly("/var", "/var/dir", "/var/file", "/var/file/now-a-dir");
    assertThat(changes.deleted()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_marksADirectoryReplacedWithinTheStepOpaque(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = baseline(mode);
    tree.write("usr/lib.new/c.so", "c");
    tree.delete("usr/lib");
    Files.move(tree.path("usr/lib.new"), tree.path("usr/lib"));

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.opaqueDirectories()).containsExactly("/usr/lib");
    assertThat(changes.changed()).containsExactly("/usr", "/usr/lib", "/usr/lib/c.so");
    assertThat(changes.deleted()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_reportsARetargetedSymlink(SnapshotMode mode) throws Exception {
    tree.symlink("etc/alternative", "/usr/lib/a.so");
    SnapshotStrategy strategy = baseline(mode);
    Files.delete(tree.path("etc/alternative"));
    tree.symlink("etc/alternative", "/usr/lib/sub/b.so");

    assertThat(tree.diff(strategy).changed()).contains("/etc/alternative");
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_neverReportsOrEntersIgnoredPaths(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = baseline(mode);
    tree.write("proc/2/status", "new").write("proc/1/status", "changed").write("kaniko/executor", "new binary");
    tree.delete("proc/1");
    tree.write("etc/hosts", "127.0.0.1 localhost");

    ChangeSet changes = tree.diff(strategy);

    assertThat(changes.changed()).containsExactly("/etc", "/etc/hosts");
    assertThat(changes.deleted()).isEmpty();
    assertThat(stats.seen).noneMatch(p -> p.startsWith(dir.resolve("proc")) || p.startsWith(dir.resolve("kaniko")));
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_sameResultSequentialAndParallel(SnapshotMode mode) throws Exception {
    for (int i = 0; i < 300; i++) {
      tree.write("data/d" + (i % 17) + "/f" + i, "v" + i);
    }
    SnapshotStrategy sequential = new TreeSnapshotStrategy(mode, new UnixStatReader(), new CountingHasher(), 1);
    SnapshotStrategy parallel = new TreeSnapshotStrategy(mode, new UnixStatReader(), new CountingHasher(), 4);
    sequential.baseline(tree.view);
    parallel.baseline(tree.view);
    TestTree.tick();
    tree.write("data/d3/f3", "changed").write("data/d9/new", "n");
    tree.delete("data/d5");

    ChangeSet expected = tree.diff(sequential);

    assertThat(tree.diff(parallel)).isEqualTo(expected);
    assertThat(expected.changed()).containsExactly("/data", "/data/d3/f3", "/data/d9", "/data/d9/new");
    assertThat(expected.deleted()).containsExactly("/data/d5");
  }

  @ParameterizedTest
  @EnumSource(SnapshotMode.class)
  void diff_reportsCtimeOnlyChangesInNewRunModeOnly(SnapshotMode mode) throws Exception {
    SnapshotStrategy strategy = baseline(mode);
    Files.setPosixFilePermissions(tree.path("etc/passwd"), Files.getPosixFilePermissions(tree.path("etc/passwd")));
    UserDefinedFileAttributeView xattrs =
        Files.getFileAttributeView(tree.path("var/file"), UserDefinedFileAttributeView.class);
    assumeThat(xattrs).as("user xattrs supported").isNotNull();
    xattrs.write("user.kaniko.test", ByteBuffer.wrap(new byte[] {1}));

    ChangeSet changes = tree.diff(strategy);

    if (mode == SnapshotMode.NEW_RUN) {
      assertThat(changes.changed()).containsExactly("/etc/passwd", "/var/file");
    } else {
      assertThat(changes.isEmpty()).isTrue();
    }
  }
}
