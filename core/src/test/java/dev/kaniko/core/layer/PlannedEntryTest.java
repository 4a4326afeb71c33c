package dev.kaniko.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannedEntryTest {

  @Test
  void tarOrder_putsDirectoriesRightBeforeTheirChildrenAndOpaqueFirst() {
    List<String> paths = new ArrayList<>(List.of(
        "a-c", "a/b", "a", "a/.wh..wh..opq", "a/!bang", "b", "a/b/c", ".wh.z"));

    paths.sort(PlannedEntry.TAR_ORDER);

    assertThat(paths).containsExactly(
        ".wh.z", "a", "a/.wh..wh..opq", "a/!bang", "a/b", "a/b/c", "a-c", "b");
  }

  @Test
  void tarPath_namesWhiteoutsAndOpaqueMarkers() {
    assertThat(new PlannedEntry("etc/passwd", PlannedEntry.Kind.WHITEOUT).tarPath())
        .isEqualTo("etc/.wh.passwd");
    assertThat(new PlannedEntry("top", PlannedEntry.Kind.WHITEOUT).tarPath()).isEqualTo(".wh.top");
    assertThat(new PlannedEntry("var/lib", PlannedEntry.Kind.OPAQUE).tarPath())
        .isEqualTo("var/lib/.wh..wh..opq");
  }
}
