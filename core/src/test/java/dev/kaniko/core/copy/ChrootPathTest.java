package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChrootPathTest {
  @TempDir Path root;

  @Test
  void resolve_neverLeavesTheRoot() throws Exception {
    Files.createDirectories(root.resolve("a/b"));
    Files.createSymbolicLink(root.resolve("abs"), Path.of("/a"));
    Files.createSymbolicLink(root.resolve("a/up"), Path.of("../../../.."));
    Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));

    assertThat(ChrootPath.resolve(root, "/../../a/b", true)).isEqualTo(root.resolve("a/b"));
    assertThat(ChrootPath.resolve(root, "abs/b", true)).isEqualTo(root.resolve("a/b"));
    assertThat(ChrootPath.resolve(root, "a/up/a", true)).isEqualTo(root.resolve("a"));
    assertThat(ChrootPath.resolve(root, "abs", false)).isEqualTo(root.resolve("abs"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ChrootPath.resolve(root, "loop", true)).hasMessageContaining("too many levels");
  }

  @Test
  void goPattern_classesAndEscapes() {
    assertThat(GoPattern.compile("[a-c]?.txt").matches("b1.txt")).isTrue();
    assertThat(GoPattern.compile("[^a-c]*").matches("abc")).isFalse();
    assertThat(GoPattern.compile("\\*.txt").matches("*.txt")).isTrue();
    assertThat(GoPattern.compile("\\*.txt").matches("a.txt")).isFalse();
    assertThat(GoPattern.hasMeta("a\\*b")).isFalse();
    assertThat(GoPattern.compile("*").matches(".hidden")).isTrue();
  }
}
