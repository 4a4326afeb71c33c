package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagePathsTest {

  @Test
  void normalize_removesDotsEmptySegmentsAndTrailingSlashes() {
    assertThat(ImagePaths.normalize("/usr//local/./bin/../lib/")).isEqualTo("/usr/local/lib");
    assertThat(ImagePaths.normalize("/")).isEqualTo("/");
    assertThat(ImagePaths.normalize("/a/..")).isEqualTo("/");
  }

  @Test
  void normalize_rejectsRelativeAndEscapingPaths() {
    assertThatThrownBy(() -> ImagePaths.normalize("/a/../..")).hasMessage("declared snapshot path escapes the root: /a/../..");
    assertThatThrownBy(() -> ImagePaths.normalize("a")).hasMessage("declared snapshot path must be absolute: a");
  }

  @Test
  void outermost_dropsPathsUnderOthersButNotSiblingsWithACommonPrefix() {
    assertThat(ImagePaths.outermost(List.of("/app/lib/x", "/app/lib", "/app/library", "/etc/hosts")))
        .containsExactly("/app/lib", "/app/library", "/etc/hosts");
    assertThat(ImagePaths.outermost(List.of("/a", "/"))).containsExactly("/");
  }

  @Test
  void prefixView_ignoresPathsAtAndBelowAPrefixOnly() {
    PrefixIgnoringTreeView view = new PrefixIgnoringTreeView(Path.of("/rootfs"), List.of("/proc", "/var/run/"));

    assertThat(view.isIgnored("/proc")).isTrue();
    assertThat(view.isIgnored("/proc/1/status")).isTrue();
    assertThat(view.isIgnored("/var/run/docker.sock")).isTrue();
    assertThat(view.isIgnored("/processes")).isFalse();
    assertThat(view.isIgnored("/var")).isFalse();
  }
}
