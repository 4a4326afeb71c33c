package dev.kaniko.core.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoredPathsTest {
  private final List<String> mounts = List.of("/", "/proc", "/sys/fs/cgroup", "/workspace/cache", "/etc/hosts");

  @Test
  void forInPlace_ignoresKanikoDirSystemDirsMountsAndFlags() {
    IgnoredPaths ignored = IgnoredPaths.forInPlace("/kaniko", true, mounts, List.of("/opt/skip/"));

    assertThat(ignored.test("/kaniko")).isTrue();
    assertThat(ignored.test("/kaniko/executor")).isTrue();
    assertThat(ignored.test("/proc/1/status")).isTrue();
    assertThat(ignored.test("/dev/null")).isTrue();
    assertThat(ignored.test("/sys")).isTrue();
    assertThat(ignored.test("/var/run/docker.sock")).isTrue();
    assertThat(ignored.test("/workspace/cache/x")).isTrue();
    assertThat(ignored.test("/etc/hosts")).isTrue();
    assertThat(ignored.test("/opt/skip/a")).isTrue();
  }

  @Test
  void forInPlace_keepsEverythingElse_andNeverIgnoresRoot() {
    IgnoredPaths ignored = IgnoredPaths.forInPlace("/kaniko", true, mounts, List.of());

    assertThat(ignored.test("/")).isFalse();
    assertThat(ignored.test("/etc/passwd")).isFalse();
    assertThat(ignored.test("/kaniko-other")).isFalse();
    assertThat(ignored.test("/workspace")).isFalse();
    assertThat(ignored.test("/etc/hostsfile")).isFalse();
    assertThat(ignored.entries()).doesNotContain("/");
  }

  @Test
  void forInPlace_ignoreVarRunFalse_snapshotsVarRun() {
    IgnoredPaths ignored = IgnoredPaths.forInPlace("/kaniko", false, List.of(), List.of());

    assertThat(ignored.test("/var/run/x")).isFalse();
  }

  @Test
  void forInPlace_customKanikoDir_replacesDefault() {
    IgnoredPaths ignored = IgnoredPaths.forInPlace("/opt/kaniko", true, List.of(), List.of());

    assertThat(ignored.test("/opt/kaniko/ssl")).isTrue();
    assertThat(ignored.test("/kaniko")).isFalse();
  }

  @Test
  void test_normalizesDotsAndSlashes() {
    IgnoredPaths ignored = IgnoredPaths.of(List.of("/a//b/./c/"));

    assertThat(ignored.test("/a/b/c/../c/d")).isTrue();
    assertThat(ignored.test("/a/b")).isFalse();
  }

  @Test
  void plus_addsEntries() {
    assertThat(IgnoredPaths.none().plus(List.of("/x")).test("/x/y")).isTrue();
  }

  @Test
  void of_emptyPath_isRejected() {
    assertThatThrownBy(() -> IgnoredPaths.of(List.of(""))).hasMessageContaining("empty path");
  }
}
