package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.SnapshotStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** A diff restricted to the paths a COPY/ADD declares walks only those and still reports them right. */
class DeclaredPathsTest {

  @TempDir Path dir;
  TestTree tree;
  RecordingStatReader stats = new RecordingStatReader();
  SnapshotStrategy strategy;

  @BeforeEach
  void setUp() throws Exception {
    tree = new TestTree(dir, "/proc");
    tree.write("app/lib/old.jar", "old").write("app/lib/keep.jar", "keep").write("etc/hosts", "h");
    for (int i = 0; i < 50; i++) {
      tree.write("usr/lib/f" + i, "x");
    }
    strategy = new TreeSnapshotStrategy(SnapshotMode.FULL, stats, new CountingHasher(), 2);
    strategy.baseline(tree.view);
    TestTree.tick();
    stats.seen.clear();
  }

  @Test
  void diff_walksOnlyDeclaredSubtreesAndTheirAncestors() throws Exception {
    tree.write("app/lib/new.jar", "new");
    Files.delete(tree.path("app/lib/old.jar"));
    tree.write("etc/hosts", "changed outside the declared paths");

    ChangeSet changes = tree.diff(strategy, "/app/lib");

    assertThat(changes.changed()).containsExactly("/app/lib", "/app/lib/new.jar");
    assertThat(changes.deleted()).containsExactly("/app/lib/old.jar");
    assertThat(stats.seen).allMatch(p -> p.startsWith(dir.resolve("app")));
    assertThat(tree.diff(strategy).changed()).containsExactly("/etc/hosts");
  }

  @Test
  void diff_reportsNewAncestorsOfADeclaredPath() throws Exception {
    tree.write("opt/tool/bin/tool", "#!/bin/sh");

    ChangeSet changes = tree.diff(strategy, "/opt/tool/bin/tool");

    assertThat(changes.changed()).containsExactly("/opt", "/opt/tool", "/opt/tool/bin", "/opt/tool/bin/tool");
    assertThat(tree.diff(strategy).isEmpty()).as("the root itself is never reported").isTrue();
  }

  @Test
  void diff_reportsSiblingDeclaredPathsUnderOneNewDirectoryOnce() throws Exception {
    tree.write("opt/new/a/inner", "a").write("opt/new/b", "b").write("opt/new/not-declared", "c");

    ChangeSet changes = tree.diff(strategy, "/opt/new/a", "/opt/new/b");

    assertThat(changes.changed()).containsExactly("/opt", "/opt/new", "/opt/new/a", "/opt/new/a/inner", "/opt/new/b");
    assertThat(tree.diff(strategy).changed()).containsExactly("/opt/new/not-declared");
  }

  @Test
  void diff_mergesNestedDeclaredPathsAndSkipsIgnoredOnes() throws Exception {
    tree.write("app/lib/new.jar", "new").write("proc/1/status", "x");

    ChangeSet changes = tree.diff(strategy, "/app/./lib/", "/app/lib/new.jar", "/proc/1");

    assertThat(changes.changed()).containsExactly("/app/lib", "/app/lib/new.jar");
    assertThat(stats.seen).noneMatch(p -> p.startsWith(dir.resolve("proc")));
  }

  @Test
  void diff_reportsADeclaredPathThatWasRemoved() throws Exception {
    tree.delete("app/lib");

    assertThat(tree.diff(strategy, "/app/lib").deleted()).containsExactly("/app/lib");
  }

  @Test
  void diff_walksEverythingWhenAnAncestorIsASymlink() throws Exception {
    Files.createDirectories(tree.path("data"));
    tree.symlink("srv", "data");
    strategy.baseline(tree.view);
    TestTree.tick();
    tree.write("data/file", "through the link").write("etc/hosts", "other");

    ChangeSet changes = tree.diff(strategy, "/srv/file");

    assertThat(changes.changed()).containsExactly("/data", "/data/file", "/etc/hosts");
  }

  @Test
  void diff_rejectsARelativeDeclaredPath() {
    assertThatThrownBy(() -> strategy.diff(tree.view, List.of("app/lib")))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.INVALID_CONFIGURATION))
        .hasMessage("declared snapshot path must be absolute: app/lib");
  }
}
