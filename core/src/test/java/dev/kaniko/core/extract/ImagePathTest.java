package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePathTest {
  @ParameterizedTest
  @CsvSource({
      "a/b, /a/b", "/a/b, /a/b", "./a/./b/, /a/b", "//a//b//, /a/b", "a/../b, /b",
      "., /", "./, /", "/, /", "a/.., /", ".wh..wh..opq, /.wh..wh..opq", "..., /..."})
  void parse_normalisesNames(String raw, String expected) throws ExtractionException {
    assertThat(ImagePath.parse(raw, raw).toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../", "/..", "a/../..", "./../a", "a/b/../../../c"})
  void parse_rejectsClimbingAboveTheRoot(String raw) {
    assertThatThrownBy(() -> ImagePath.parse(raw, "entry"))
        .isInstanceOf(ExtractionException.class)
        .hasMessage("tar entry \"entry\": path \"" + raw + "\" climbs above the root");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\0b"})
  void parse_rejectsNulBytes(String raw) {
    assertThatThrownBy(() -> ImagePath.parse(raw, "entry"))
        .hasMessage("tar entry \"entry\": name contains a NUL byte");
  }
}
