package dev.kaniko.core.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.DockerfileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parser behaviour from the Dockerfile reference: directives, continuations, heredocs, forms. */
class DockerfileParserTest {

  private static ParseResult parse(String text) throws DockerfileException {
    return new DockerfileParser("Dockerfile").parse(text);
  }

  private static Node only(String text) throws DockerfileException {
    List<Node> nodes = parse(text).instructions();
    assertThat(nodes).hasSize(1);
    return nodes.get(0);
  }

  @Test
  void escapeDirective_backtickContinuesLinesAndKeepsBackslashes() throws Exception {
    ParseResult r = parse("# escape=`\nFROM windows\nRUN dir c:\\ `\n  /s\n");
    assertThat(r.escapeToken()).isEqualTo('`');
    assertThat(r.instructions().get(1).args()).containsExactly("dir c:\\   /s");
  }

  @Test
  void escapeDirective_invalidTokenIsRejectedWithLine() {
    assertThatThrownBy(() -> parse("# escape=x\nFROM a\n"))
        .isInstanceOf(DockerfileException.class)
        .hasMessage("Dockerfile:1: invalid escape token 'x' does not match ` or \\");
  }

  @Test
  void directive_repeatedIsAnError() {
    assertThatThrownBy(() -> parse("# escape=\\\n# escape=`\nFROM a\n"))
        .hasMessage("Dockerfile:2: only one escape parser directive can be used");
  }

  @Test
  void directive_afterAnInstructionIsJustAComment() throws Exception {
    ParseResult r = parse("FROM a\n# escape=`\nRUN x \\\n y\n");
    assertThat(r.escapeToken()).isEqualTo('\\');
    assertThat(r.directives()).isEmpty();
    assertThat(r.instructions().get(1).args()).containsExactly("x  y");
  }

  @Test
  void directive_afterAnEmptyLineIsIgnored() throws Exception {
    ParseResult r = parse("\n# escape=`\nFROM a\n");
    assertThat(r.escapeToken()).isEqualTo('\\');
  }

  @Test
  void syntaxDirective_isRecordedAndIgnoredWithANotice() throws Exception {
    ParseResult r = parse("# syntax=docker/dockerfile:1.7\nFROM a\n");
    assertThat(r.syntax()).contains("docker/dockerfile:1.7");
    assertThat(r.warnings()).singleElement().asString()
        .contains("Dockerfile:1").contains("syntax=docker/dockerfile:1.7").contains("ignored");
  }

  @Test
  void checkDirective_isRecorded() throws Exception {
    ParseResult r = parse("# check=skip=JSONArgsRecommended;error=true\nFROM a\n");
    assertThat(r.check()).contains("skip=JSONArgsRecommended;error=true");
  }

  @Test
  void directiveKeys_areCaseInsensitive() throws Exception {
    assertThat(parse("# ESCAPE=`\nFROM a\n").escapeToken()).isEqualTo('`');
  }

  @Test
  void byteOrderMark_isStripped() throws Exception {
    assertThat(only("\uFEFFFROM busybox\n").dump()).isEqualTo("from \"busybox\"");
  }

  @Test
  void crlfLineEndings_areHandled() throws Exception {
    ParseResult r = parse("FROM a\r\nRUN echo \\\r\n  hi\r\n");
    assertThat(r.instructions().get(1).args()).containsExactly("echo   hi");
    assertThat(r.instructions().get(1).endLine()).isEqualTo(3);
  }

  @Test
  void commentsInsideContinuation_areSkippedAndCountedInLines() throws Exception {
    Node run = parse("FROM a\nRUN a \\\n# note\n  b\n").instructions().get(1);
    assertThat(run.args()).containsExactly("a   b");
    assertThat(run.startLine()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(4);
  }

  @Test
  void emptyContinuationLine_isSkippedWithAWarning() throws Exception {
    ParseResult r = parse("FROM a\nRUN a \\\n\n  b\n");
    assertThat(r.instructions().get(1).args()).containsExactly("a   b");
    assertThat(r.warnings()).singleElement().asString().contains("empty continuation line");
  }

  @Test
  void commentsAboveInstruction_areKept() throws Exception {
    Node from = only("# base image\n# pinned\nFROM a\n");
    assertThat(from.comments()).containsExactly("base image", "pinned");
  }

  @Test
  void instructionNames_areCaseInsensitive() throws Exception {
    Node n = only("from Alpine AS Build\n");
    assertThat(n.instruction()).isEqualTo("from");
    assertThat(n.args()).containsExactly("Alpine", "AS", "Build");
  }

  @Test
  void execForm_isMarkedJson() throws Exception {
    Node n = only("CMD [\"echo\", \"hi there\"]\n");
    assertThat(n.isJson()).isTrue();
    assertThat(n.args()).containsExactly("echo", "hi there");
  }

  @Test
  void invalidJson_fallsBackToShellForm() throws Exception {
    Node n = only("CMD [\"echo\", hi]\n");
    assertThat(n.isJson()).isFalse();
    assertThat(n.args()).containsExactly("[\"echo\", hi]");
  }

  @Test
  void jsonFollowedByText_isShellForm() throws Exception {
    Node n = only("RUN [\"echo\"] && ls\n");
    assertThat(n.isJson()).isFalse();
    assertThat(n.args()).containsExactly("[\"echo\"] && ls");
  }

  @Test
  void jsonWithObjectElement_isRejected() {
    assertThatThrownBy(() -> parse("CMD [\"a\", {\"b\": 1}]\n"))
        .hasMessage("Dockerfile:1: when using JSON array syntax, arrays must be comprised of"
            + " strings only");
  }

  @Test
  void jsonWithNonString_isRejected() {
    assertThatThrownBy(() -> parse("FROM a\nENTRYPOINT [\"a\", 1]\n"))
        .hasMessage("Dockerfile:2: when using JSON array syntax, arrays must be comprised of"
            + " strings only");
  }

  @Test
  void flags_areSeparatedFromArguments() throws Exception {
    Node n = only("COPY --from=build --chown=1:1 --link /a /b\n");
    assertThat(n.flags()).containsExactly("--from=build", "--chown=1:1", "--link");
    assertThat(n.args()).containsExactly("/a", "/b");
  }

  @Test
  void flags_quotedValuesAreUnquoted() throws Exception {
    Node n = only("RUN --mount=\"type=cache,target=/root/.m2\" mvn package\n");
    assertThat(n.flags()).containsExactly("--mount=type=cache,target=/root/.m2");
    assertThat(n.args()).containsExactly("mvn package");
  }

  @Test
  void onbuild_hasTheTriggerAsChild() throws Exception {
    Node n = only("ONBUILD COPY --chown=app . /src\n");
    assertThat(n.dump()).isEqualTo("onbuild (copy [\"--chown=app\"] \".\" \"/src\")");
    assertThat(n.subInstruction().instruction()).isEqualTo("copy");
  }

  @Test
  void unknownInstruction_parsesWithoutArguments() throws Exception {
    Node n = only("FORM alpine\n");
    assertThat(n.value()).isEqualTo("FORM");
    assertThat(n.args()).isEmpty();
  }

  @Test
  void emptyFile_isRejected() {
    assertThatThrownBy(() -> parse("\n\n"))
        .hasMessage("Dockerfile:2: file with no instructions");
  }

  @Test
  void heredoc_runReadsContentUntilDelimiter() throws Exception {
    ParseResult r = parse("FROM a\nRUN <<EOF\necho hi\necho $HOME\nEOF\nRUN true\n");
    Node run = r.instructions().get(1);
    assertThat(run.heredocs()).containsExactly(
        new Heredoc("EOF", 0, true, false, "echo hi\necho $HOME\n"));
    assertThat(run.startLine()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(5);
    assertThat(r.instructions().get(2).startLine()).isEqualTo(6);
  }

  @Test
  void heredoc_quotedDelimiterTurnsExpansionOff() throws Exception {
    assertThat(only("RUN <<'EOF'\n$X\nEOF\n").heredocs().get(0).expand()).isFalse();
    assertThat(only("RUN <<\"EOF\"\n$X\nEOF\n").heredocs().get(0).expand()).isFalse();
    assertThat(only("RUN <<E\"O\"F\n$X\nEOF\n").heredocs().get(0).name()).isEqualTo("EOF");
  }

  @Test
  void heredoc_dashStripsTabsFromDelimiterAndContent() throws Exception {
    Heredoc doc = only("RUN <<-EOT\n\t\techo a\n\tEOT\n").heredocs().get(0);
    assertThat(doc.chomp()).isTrue();
    assertThat(doc.content()).isEqualTo("\t\techo a\n");
    assertThat(doc.effectiveContent()).isEqualTo("echo a\n");
  }

  @Test
  void heredoc_severalOnOneLineAreReadInOrder() throws Exception {
    Node n = only("COPY <<one <<two /dest/\nfirst\none\nsecond\ntwo\n");
    assertThat(n.heredocs()).extracting(Heredoc::name).containsExactly("one", "two");
    assertThat(n.heredocs()).extracting(Heredoc::content).containsExactly("first\n", "second\n");
    assertThat(n.endLine()).isEqualTo(5);
  }

  @Test
  void heredoc_fileDescriptorIsRecorded() throws Exception {
    assertThat(only("RUN cat 3<<EOF\nx\nEOF\n").heredocs().get(0).fileDescriptor()).isEqualTo(3);
  }

  @Test
  void heredoc_notReadForJsonFormOrOtherInstructions() throws Exception {
    ParseResult r = parse("FROM a\nRUN [\"cat\", \"<<EOF\"]\nLABEL a=<<EOF\n");
    assertThat(r.instructions()).hasSize(3);
    assertThat(r.instructions()).allSatisfy(n -> assertThat(n.heredocs()).isEmpty());
  }

  @Test
  void heredoc_insideQuotesIsNotAnOpener() throws Exception {
    assertThat(only("RUN echo \"<<EOF\"\n").heredocs()).isEmpty();
  }

  @Test
  void heredoc_unterminatedIsAnError() {
    assertThatThrownBy(() -> parse("FROM a\nRUN <<EOF\necho hi\n"))
        .isInstanceOf(DockerfileException.class)
        .hasMessageStartingWith("Dockerfile:2: unterminated heredoc EOF");
  }

  @Test
  void heredoc_inOnbuildTrigger() throws Exception {
    Node n = only("ONBUILD RUN <<EOF\necho x\nEOF\n");
    assertThat(n.heredocs()).extracting(Heredoc::content).containsExactly("echo x\n");
  }

  @Test
  void errors_useTheDisplayName() {
    assertThatThrownBy(() -> new DockerfileParser("build/Containerfile").parse("ENV A\n"))
        .hasMessage("build/Containerfile:1: ENV must have two arguments");
  }

  @Test
  void envKeyWithoutEquals_inNewFormIsRejected() {
    assertThatThrownBy(() -> parse("ENV a=1 b\n"))
        .hasMessage("Dockerfile:1: Syntax error - can't find = in \"b\". Must be of the form:"
            + " name=value");
  }
}
