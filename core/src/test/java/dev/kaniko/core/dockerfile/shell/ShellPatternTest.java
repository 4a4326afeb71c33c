package dev.kaniko.core.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShellPatternTest {

  @Test
  void toRegex_producesBuildKitsExpressions() throws Exception {
    assertThat(ShellPattern.toRegex("*", true, true)).isEqualTo("^.*");
    assertThat(ShellPattern.toRegex("*", false, false)).isEqualTo(".*?");
    assertThat(ShellPattern.toRegex("?", true, true)).isEqualTo("^.");
    assertThat(ShellPattern.toRegex("\\*", true, true)).isEqualTo("^\\*");
    assertThat(ShellPattern.toRegex("(()[]{\\}^$.\\*\\?|\\\\", true, true))
        .isEqualTo("^\\(\\(\\)\\[\\]\\{\\}\\^\\$\\.\\*\\?\\|\\\\");
    assertThat(ShellPattern.toRegex("a\\/b", true, false)).isEqualTo("a/b");
  }

  @Test
  void toRegex_rejectsInvalidEscapes() {
    assertThatThrownBy(() -> ShellPattern.toRegex("\\", true, true))
        .hasMessage("invalid escape '\\' at end of pattern");
    assertThatThrownBy(() -> ShellPattern.toRegex("\\x", true, true))
        .hasMessage("invalid escape '\\x'");
    assertThatThrownBy(() -> ShellPattern.toRegex("\\\\\\", true, true))
        .isInstanceOf(ShellPattern.InvalidEscape.class);
  }

  @Test
  void wildcards_neverMatchNewlineLikeGo() throws Exception {
    assertThat(ShellPattern.trimPrefix("*", "ab\ncd", true)).isEqualTo("\ncd");
    assertThat(ShellPattern.trimPrefix("??", "a\rb", false)).isEqualTo("b");
  }

  @Test
  void reversePattern_keepsEscapesInFront() {
    assertThat(ShellPattern.reversePattern("a\\*c")).isEqualTo("c\\*a");
    assertThat(ShellPattern.reversePattern("\\\\\\ab")).isEqualTo("b\\a\\\\");
    assertThat(ShellPattern.reversePattern("ab\\")).isEqualTo("\\ba");
    assertThat(ShellPattern.reversePattern("👽\\🚀🖖")).isEqualTo("🖖\\🚀👽");
  }

  @Test
  void reverse_keepsSurrogatePairsTogether() {
    assertThat(ShellPattern.reverse("🖖🚀👽")).isEqualTo("👽🚀🖖");
  }

  @Test
  void trimSuffix_handlesSupplementaryCharacters() throws Exception {
    assertThat(ShellPattern.trimSuffix("?", "a🚀", false)).isEqualTo("a");
  }

  @Test
  void goReplaceAll_skipsEmptyMatchRightAfterAMatch() {
    assertThat(GoReplaceAll.replaceAll(Pattern.compile(".*"), "abc", "-")).isEqualTo("-");
    assertThat(GoReplaceAll.replaceAll(Pattern.compile("b*"), "abc", "-")).isEqualTo("-a-c-");
    assertThat(GoReplaceAll.replaceAll(Pattern.compile(""), "xy", "w")).isEqualTo("wxwyw");
  }

  @Test
  void goReplaceAll_expandsTemplatesLikeGoExpand() {
    Pattern any = Pattern.compile(".");
    assertThat(GoReplaceAll.replaceAll(any, "ab", "[${0}|$0x|$00|$$|$]"))
        .isEqualTo("[a|||$|$][b|||$|$]");
    assertThat(GoReplaceAll.replaceAll(any, "a", "${0")).isEqualTo("${0");
  }
}
