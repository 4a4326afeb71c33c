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
  void tarOrder_agreesWithComponentWiseComparison() {
    List<String> paths = new ArrayList<>();
    String[] parts = {"a", "a-b", "a.b", ".wh..wh..opq", "b", "ab", "\u00e9"};
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < 400; i++) {
      StringBuilder p = new StringBuilder(parts[r.nextInt(parts.length)]);
      for (int depth = r.nextInt(3); depth > 0; depth--) {
        p.append('/').append(parts[r.nextInt(parts.length)]);
      }
      paths.add(p.toString());
    }
    java.util.Comparator<String> componentWise = (x, y) -> {
      String[] xs = x.split("/");
      String[] ys = y.split("/");
      for (int i = 0; i < Math.min(xs.length, ys.length); i++) {
        if (!xs[i].equals(ys[i])) {
          if (xs[i].equals(PlannedEntry.OPAQUE_MARKER)) {
            return -1;
          }
          if (ys[i].equals(PlannedEntry.OPAQUE_MARKER)) {
            return 1;
          }
          return xs[i].compareTo(ys[i]);
        }
      }
      return Integer.compare(xs.length, ys.length);
    };
    List<String> expected = new ArrayList<>(paths);
    expected.sort(componentWise);

    paths.sort(PlannedEntry.TAR_ORDER);

    assertThat(paths).isEqualTo(expected);
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
