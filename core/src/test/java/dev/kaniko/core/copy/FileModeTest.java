package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --chmod values parsed like chmod(1), applied to files and directories. */
class FileModeTest {

  @Test
  void octal_replacesAllTwelveBits() {
    assertThat(FileMode.parse("4755").apply(0644, false)).isEqualTo(04755);
    assertThat(FileMode.parse("644").apply(0777, true)).isEqualTo(0644);
  }

  @ParameterizedTest(name = "{0} on {1} (dir={2}) -> {3}")
  @CsvSource({
      "'u=rwx,g=rx,o=', 0666, false, 0750",
      "+x, 0644, false, 0755",
      "a-w, 0755, true, 0555",
      "g+s, 0755, true, 02755",
      "'u+s,+t', 0755, false, 05755",
      "+X, 0644, false, 0644",
      "+X, 0744, false, 0755",
      "+X, 0600, true, 0711",
      "go=u, 0700, false, 0777",
      "o-rwx+r, 0757, false, 0754",
      "u=, 04755, false, 0055",
      "=r, 0777, false, 0444",
      "'ug+w,o-r', 0444, false, 0660",
  })
  void symbolic_followsChmod(String mode, String current, boolean dir, String expected) {
    int bits = FileMode.parse(mode).apply(Integer.parseInt(current, 8), dir);
    assertThat(Integer.toOctalString(bits)).isEqualTo(Integer.toOctalString(
        Integer.parseInt(expected, 8)));
  }

  @ParameterizedTest
  @CsvSource({"u+y", "z=r", "u", "''", "'+x,'", "8755", "u=rw=x;"})
  void badMode_isOneLineError(String mode) {
    assertThatThrownBy(() -> FileMode.parse(mode))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid --chmod " + mode + ":")
        .hasMessageNotContaining("\n");
  }
}
