package dev.kaniko.core.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Heredoc delimiters: quoting, escapes, variables and spacing, as BuildKit reads them. */
class HeredocTest {

  private static List<Heredoc> heredocs(String text) throws Exception {
    List<Node> nodes = new DockerfileParser("Dockerfile").parse("FROM a\n" + text).instructions();
    return nodes.get(nodes.size() - 1).heredocs();
  }

  @Test
  void partlyQuotedDelimiter_isUnquotedAndDisablesExpansion() throws Exception {
    assertThat(heredocs("RUN <<eo'f'\necho foo\neof\n"))
        .containsExactly(new Heredoc("eof", 0, false, false, "echo foo\n"));
  }

  @Test
  void escapedQuoteInDelimiter_isLiteralAndKeepsExpansion() throws Exception {
    assertThat(heredocs("RUN <<eo\\'f\necho foo\neo'f\n"))
        .containsExactly(new Heredoc("eo'f", 0, true, false, "echo foo\n"));
  }

  @Test
  void quotedAndEscapedDelimiter_disablesExpansion() throws Exception {
    assertThat(heredocs("RUN <<'e'o\\'f\necho foo\neo'f\n"))
        .containsExactly(new Heredoc("eo'f", 0, false, false, "echo foo\n"));
  }

  @Test
  void quotedDelimiterWithSpace_isOneWord() throws Exception {
    assertThat(heredocs("RUN <<'one two'\necho bar\none two\n"))
        .containsExactly(new Heredoc("one two", 0, false, false, "echo bar\n"));
  }

  @Test
  void dollarDelimiter_staysLiteral() throws Exception {
    assertThat(heredocs("RUN <<$EOF\n$EOF\n"))
        .containsExactly(new Heredoc("$EOF", 0, true, false, ""));
  }

  @Test
  void delimiterFollowedByCommand_isStillAHeredoc() throws Exception {
    assertThat(heredocs("RUN <<COMPLEX python3\nprint('hi')\nCOMPLEX\n"))
        .containsExactly(new Heredoc("COMPLEX", 0, true, false, "print('hi')\n"));
  }

  @Test
  void contentIsRaw_commentsAndQuotesKept() throws Exception {
    assertThat(heredocs("COPY <<EOF /q\n# not a comment\n\"foo\" 'bar'\nEOF\n"))
        .extracting(Heredoc::content).containsExactly("# not a comment\n\"foo\" 'bar'\n");
  }

  @Test
  void delimitersAreMatchedOnlyForTheCurrentHeredoc() throws Exception {
    assertThat(heredocs("COPY <<X <<Y /dest\nY\nX\nX\nY\n")).containsExactly(
        new Heredoc("X", 0, true, false, "Y\n"), new Heredoc("Y", 0, true, false, "X\n"));
  }

  @Test
  void chompedDelimiterMayBeIndentedWithTabs() throws Exception {
    assertThat(heredocs("RUN <<-UNINDENT2\n\tbaz\n\tUNINDENT2\n"))
        .containsExactly(new Heredoc("UNINDENT2", 0, true, true, "\tbaz\n"));
  }

  @Test
  void withFlags_heredocIsStillFound() throws Exception {
    assertThat(heredocs("RUN --mount=type=cache,target=/c <<MOUNT\necho hello\nMOUNT\n"))
        .extracting(Heredoc::name).containsExactly("MOUNT");
  }

  @Test
  void parseOpener_recognisesOnlyHeredocWords() {
    assertThat(Heredoc.parseOpener("<<-\"EOF\"")).hasValueSatisfying(h -> {
      assertThat(h.name()).isEqualTo("EOF");
      assertThat(h.chomp()).isTrue();
      assertThat(h.expand()).isFalse();
    });
    for (String notHeredoc : List.of("", "EOF", "<<", "<<-", "<EOF", "<<<EOF", "<<EOF sh")) {
      assertThat(Heredoc.parseOpener(notHeredoc)).as(notHeredoc).isEmpty();
    }
  }

  @Test
  void spaceAfterOperator_isAllowed() throws Exception {
    assertThat(heredocs("RUN <<  EOF  > foo\nEOF\n")).extracting(Heredoc::name)
        .containsExactly("EOF");
    assertThat(heredocs("RUN << -EOF\n-EOF\n")).extracting(Heredoc::name)
        .containsExactly("-EOF");
  }
}
