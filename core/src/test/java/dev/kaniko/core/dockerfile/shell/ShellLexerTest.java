package dev.kaniko.core.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellLexerTest {
  private static final Map<String, String> ENV =
      Map.of("SET", "value", "EMPTY", "", "PWD", "/home", "ARG", "x", "SPACED", " a  b ");

  private final ShellLexer lexer = new ShellLexer('\\');
  private final ShellLexer backtick = new ShellLexer('`');

  private String expand(String word) throws ShellExpansionException {
    return lexer.processWord(word, ENV);
  }

  private String failure(ShellLexer lexer, String word) {
    try {
      String result = lexer.processWord(word, ENV);
      throw new AssertionError("expected " + word + " to fail, got " + result);
    } catch (ShellExpansionException e) {
      assertThat(e.word()).isEqualTo(word);
      assertThat(e.getMessage())
          .isEqualTo("failed to process " + GoQuote.quote(word) + ": " + e.reason());
      return e.reason();
    }
  }

  private String failure(String word) {
    return failure(lexer, word);
  }

  // --- plain references

  @Test
  void processWord_expandsBareAndBracedReferences() throws Exception {
    assertThat(expand("a$SET.b")).isEqualTo("avalue.b");
    assertThat(expand("a${SET}b")).isEqualTo("avalueb");
    assertThat(expand("a${UNSET}b$UNSET")).isEqualTo("ab");
  }

  @Test
  void processWord_keepsDollarWithoutName() throws Exception {
    assertThat(expand("cost: $5 $ $. $")).isEqualTo("cost:  $ $. $");
  }

  @Test
  void processWord_positionalAndSpecialParametersAreNeverSet() throws Exception {
    assertThat(expand("$1x${10}y$@@@$$z")).isEqualTo("xy@@z");
    assertThat(expand("${#:-none}")).isEqualTo("none");
  }

  @Test
  void processWord_namesContinueThroughUnicodeLetters() throws Exception {
    Map<String, String> env = Map.of("K", "k", "K한", "korean");
    assertThat(lexer.processWord("$K한.$K", env)).isEqualTo("korean.k");
  }

  @Test
  void processWord_nullValueIsSetButEmpty() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("N", null);
    assertThat(lexer.processWord("${N-unset}|${N:-empty}", env)).isEqualTo("|empty");
  }

  // --- modifiers

  @Test
  void colonDash_defaultsWhenUnsetOrEmpty() throws Exception {
    assertThat(expand("${SET:-d}|${EMPTY:-d}|${UNSET:-d}")).isEqualTo("value|d|d");
  }

  @Test
  void dash_defaultsOnlyWhenUnset() throws Exception {
    assertThat(expand("${SET-d}|${EMPTY-d}|${UNSET-d}")).isEqualTo("value||d");
  }

  @Test
  void colonPlus_alternativeOnlyWhenSetAndNonEmpty() throws Exception {
    assertThat(expand("${SET:+alt}|${EMPTY:+alt}|${UNSET:+alt}")).isEqualTo("alt||");
  }

  @Test
  void plus_alternativeWhenSetEvenIfEmpty() throws Exception {
    assertThat(expand("${SET+alt}|${EMPTY+alt}|${UNSET+alt}")).isEqualTo("alt|alt|");
  }

  @Test
  void modifierWord_isExpandedRecursively() throws Exception {
    assertThat(expand("${UNSET:-${ALSO_UNSET:-${PWD}}/bin}")).isEqualTo("/home/bin");
    assertThat(expand("${SET:+[$PWD]}")).isEqualTo("[/home]");
    assertThat(expand("${UNSET:-\\$PWD}")).isEqualTo("$PWD");
  }

  @Test
  void colonQuestion_failsWhenUnsetOrEmpty() throws Exception {
    assertThat(expand("${SET:?boom}")).isEqualTo("value");
    assertThat(failure("${EMPTY:?}")).isEqualTo("EMPTY: is not allowed to be empty");
    assertThat(failure("${UNSET:?}")).isEqualTo("UNSET: is not allowed to be unset");
    assertThat(failure("${EMPTY:?message here$ARG}")).isEqualTo("EMPTY: message herex");
  }

  @Test
  void question_failsOnlyWhenUnset() throws Exception {
    assertThat(expand("${EMPTY?boom}")).isEqualTo("");
    assertThat(failure("${UNSET?}")).isEqualTo("UNSET: is not allowed to be unset");
    assertThat(failure("${UNSET?set UNSET first}")).isEqualTo("UNSET: set UNSET first");
  }

  @Test
  void hash_removesShortestOrLongestPrefix() throws Exception {
    Map<String, String> env = Map.of("F", "xxyy", "P", "/usr/local/bin");
    assertThat(lexer.processWord("${F#*x*y}|${F#*}|${F#}|${F##*x}", env)).isEqualTo("y|xxyy|xxyy|yy");
    assertThat(lexer.processWord("${P#*/}|${P##*/}|${P#nomatch}", env))
        .isEqualTo("usr/local/bin|bin|/usr/local/bin");
  }

  @Test
  void percent_removesShortestOrLongestSuffix() throws Exception {
    Map<String, String> env = Map.of("F", "file.tar.gz", "S", "a***yy*");
    assertThat(lexer.processWord("${F%.*}|${F%%.*}|${F%}|${F%.zip}", env))
        .isEqualTo("file.tar|file|file.tar.gz|file.tar.gz");
    assertThat(lexer.processWord("${S%%\\**\\*}", env)).isEqualTo("a");
  }

  @Test
  void patterns_treatRegexCharactersLiterally() throws Exception {
    Map<String, String> env = Map.of("F", "()[]{}^$.*?|\\x", "Q", "???y");
    assertThat(lexer.processWord("${F#()[]{\\}^$.\\*\\?|\\\\}", env)).isEqualTo("x");
    assertThat(lexer.processWord("${Q#?\\?}", env)).isEqualTo("?y");
  }

  @Test
  void slash_replacesFirstMatch_doubleSlashReplacesAll() throws Exception {
    Map<String, String> env = Map.of("F", "/a/foo/b/c.txt", "N", "/?/", "R", "/");
    assertThat(lexer.processWord("${F/$N/$R} - ${F//$N/$R}", env))
        .isEqualTo("/foo/b/c.txt - /foo/c.txt");
    assertThat(lexer.processWord("${F/nomatch/x}|${UNSET/a/b}", env)).isEqualTo("/a/foo/b/c.txt|");
  }

  @Test
  void slash_escapedSeparatorsAreLiteral() throws Exception {
    Map<String, String> env = Map.of("F", "/tmp/foo.txt");
    assertThat(lexer.processWord("${F//\\//\\/}", env)).isEqualTo("\\/tmp\\/foo.txt");
  }

  @Test
  void doubleSlash_replacementIsAGoTemplateLikeBuildKit() throws Exception {
    Map<String, String> env = Map.of("F", "ab", "R", "<$0>$$", "L", "$1x");
    assertThat(lexer.processWord("${F//?/$R}", env)).isEqualTo("<a>$<b>$");
    assertThat(lexer.processWord("${F/?/$R}", env)).isEqualTo("<$0>$$b");
    assertThat(lexer.processWord("${F//b/$L}", env)).isEqualTo("a");
  }

  @Test
  void unsupportedModifiers_fail() {
    assertThat(failure("${SET:=x}")).isEqualTo("unsupported modifier (:=) in substitution");
    assertThat(failure("${SET=x}")).isEqualTo("unsupported modifier (=) in substitution");
    assertThat(failure("${SET:YYY}")).isEqualTo("unsupported modifier (:Y) in substitution");
    assertThat(failure("${.}")).isEqualTo("unsupported modifier (.) in substitution");
  }

  @Test
  void syntaxErrors_failWithBuildKitsMessages() {
    assertThat(failure("${}")).isEqualTo("syntax error: bad substitution");
    assertThat(failure("${:-x}")).isEqualTo("syntax error: bad substitution");
    assertThat(failure("${")).isEqualTo("syntax error: missing '}'");
    assertThat(failure("${SET")).isEqualTo("syntax error: missing '}'");
    assertThat(failure("${SET:-a ${PWD}")).isEqualTo("syntax error: missing '}'");
    assertThat(failure("${SET/abc")).isEqualTo("syntax error: missing '/' in ${}");
    assertThat(failure("${SET#\\x}"))
        .isEqualTo("invalid pattern (\\x) in substitution: invalid escape '\\x'");
  }

  // --- quoting and escapes

  @Test
  void singleQuotes_keepEverythingLiteral() throws Exception {
    assertThat(expand("'$SET \\$SET \"x\"'")).isEqualTo("$SET \\$SET \"x\"");
    assertThat(failure("'open")).isEqualTo(
        "unexpected end of statement while looking for matching single-quote");
  }

  @Test
  void doubleQuotes_expandAndEscapeOnlyQuoteDollarAndEscape() throws Exception {
    assertThat(expand("\"$SET '$PWD' \\$SET \\\" \\\\ \\t\"")).isEqualTo("value '/home' $SET \" \\ \\t");
    assertThat(failure("\"open\\\"")).isEqualTo(
        "unexpected end of statement while looking for matching double-quote");
  }

  @Test
  void backslash_escapesAnyCharacterOutsideQuotesAndVanishesAtTheEnd() throws Exception {
    assertThat(expand("a\\$SET\\ b\\tc\\")).isEqualTo("a$SET btc");
    assertThat(expand("a\\\\$SET")).isEqualTo("a\\value");
  }

  @Test
  void backtickEscape_escapesLikeBackslashAndLeavesBackslashLiteral() throws Exception {
    assertThat(backtick.processWord("C:\\dir\\$SET", ENV)).isEqualTo("C:\\dir\\value");
    assertThat(backtick.processWord("`$SET `\"x`\" \"a`\"b``\" `", ENV))
        .isEqualTo("$SET \"x\" a\"b` ");
    assertThat(backtick.escapeToken()).isEqualTo('`');
  }

  @Test
  void constructor_rejectsOtherEscapeTokens() {
    assertThatThrownBy(() -> new ShellLexer('^'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid escape token '^'");
  }

  // --- word splitting

  @Test
  void processWords_splitsOnUnquotedWhitespaceOnly() throws Exception {
    assertThat(lexer.processWords("  a\tb\\ c \"d  e\" 'f g'h  ", ENV))
        .containsExactly("a", "b c", "d  e", "f gh");
  }

  @Test
  void processWords_splitsVariableValuesUnlessQuoted() throws Exception {
    assertThat(lexer.processWords("x${SPACED}y \"${SPACED}\"", ENV))
        .containsExactly("x", "a", "b", "y", " a  b ");
  }

  @Test
  void processWords_dropsEmptyWords() throws Exception {
    assertThat(lexer.processWords("a \"\" '' $EMPTY b", ENV)).containsExactly("a", "b");
    assertThat(lexer.processWords("", ENV)).isEmpty();
  }

  @Test
  void processWords_splitsOnUnicodeWhiteSpaceLikeGo() throws Exception {
    assertThat(lexer.processWords("a\u00a0b\u3000c", ENV)).containsExactly("a", "b", "c");
  }

  // --- heredoc operator (BuildKit's processPossibleHeredoc)

  private List<String> words(ShellLexer lexer, String text) throws ShellExpansionException {
    return lexer.processWords(text, ENV);
  }

  @Test
  void heredocOperator_keepsFollowingBlanksAndDelimiterInOneWord() throws Exception {
    assertThat(words(lexer, "<<  EOF  > foo")).containsExactly("<<  EOF", ">", "foo");
    assertThat(words(lexer, "cat << EOF << 'END'")).containsExactly("cat", "<< EOF", "<< END");
    assertThat(words(lexer, "<< -EOF")).containsExactly("<< -EOF");
  }

  @Test
  void heredocOperator_swallowsSpacesTabsAndCarriageReturnsOnly() throws Exception {
    assertThat(words(lexer, "<<\t \rEOF")).containsExactly("<<\t \rEOF");
    assertThat(words(lexer, "<<\u000bEOF")).containsExactly("<<", "EOF");
    assertThat(words(lexer, "<<\nEOF")).containsExactly("<<", "EOF");
    assertThat(words(lexer, "<<\u00a0EOF")).containsExactly("<<", "EOF");
    assertThat(words(lexer, "cat <<  ")).containsExactly("cat", "<<  ");
  }

  @Test
  void heredocOperator_dashAfterOperatorEndsTheBlanks() throws Exception {
    assertThat(words(lexer, "<<-EOF")).containsExactly("<<-EOF");
    assertThat(words(lexer, "<<- EOF")).containsExactly("<<-", "EOF");
  }

  @Test
  void heredocOperator_staysJoinedToLeadingDigitsAndQuotedDelimiters() throws Exception {
    assertThat(words(lexer, "3<< EOF 4<<\tX")).containsExactly("3<< EOF", "4<<\tX");
    assertThat(words(lexer, "<< 'E O' x")).containsExactly("<< E O", "x");
    assertThat(words(lexer.withRawQuotes(true), "<<  \"EOF\" x"))
        .containsExactly("<<  \"EOF\"", "x");
    assertThat(words(lexer.withRawEscapes(true), "<< \\EOF")).containsExactly("<< \\EOF");
    assertThat(words(backtick, "<< `EOF")).containsExactly("<< EOF");
  }

  @Test
  void heredocOperator_singleOrEscapedOrQuotedAngleBracketsSplitNormally() throws Exception {
    assertThat(words(lexer, "< in a<b")).containsExactly("<", "in", "a<b");
    assertThat(words(lexer, "\\<< EOF")).containsExactly("<<", "EOF");
    assertThat(words(lexer, "'<<' EOF \"<< X\"")).containsExactly("<<", "EOF", "<< X");
    assertThat(words(lexer.withSkipProcessQuotes(true), "'<< EOF'")).containsExactly("'<< EOF'");
  }

  @Test
  void heredocOperator_thirdAngleBracketIsNotAnOperator() throws Exception {
    assertThat(words(lexer, "<<<EOF")).containsExactly("<<<EOF");
    assertThat(words(lexer, "<<< EOF")).containsExactly("<<<", "EOF");
  }

  @Test
  void heredocOperator_variableValuesAfterItStillSplit() throws Exception {
    assertThat(words(lexer, "<< $SET")).containsExactly("<< value");
    assertThat(words(lexer, "<< $SPACED")).containsExactly("<< ", "a", "b");
    assertThat(words(lexer, "${UNSET:-<< x}")).containsExactly("<<", "x");
  }

  @Test
  void heredocOperator_leavesTheExpandedTextUnchanged() throws Exception {
    assertThat(expand("<<  EOF  > foo")).isEqualTo("<<  EOF  > foo");
    assertThat(expand("${UNSET:-<<\tx} < $SET")).isEqualTo("<<\tx < value");
  }

  // --- matched / unmatched

  @Test
  void processWordWithMatches_recordsSetAndUnsetNames() throws Exception {
    Expansion expansion =
        lexer.processWordWithMatches("${SET-a} ${EMPTY-b} ${UNSET-c} $SET", ENV);
    assertThat(expansion.result()).isEqualTo("value  c value");
    assertThat(expansion.words()).containsExactly("value", "c", "value");
    assertThat(expansion.matched()).containsExactly("SET", "EMPTY");
    assertThat(expansion.unmatched()).containsExactly("UNSET");
  }

  @Test
  void processWordWithMatches_recordsNamesInUnusedModifierWords() throws Exception {
    Expansion expansion = lexer.processWordWithMatches("${SET:-$NOPE}${UNSET:+$PWD}", ENV);
    assertThat(expansion.result()).isEqualTo("value");
    assertThat(expansion.matched()).containsExactly("SET", "PWD");
    assertThat(expansion.unmatched()).containsExactly("NOPE", "UNSET");
  }

  @Test
  void processWordWithMatches_ignoresEscapedAndSingleQuotedReferences() throws Exception {
    Expansion expansion = lexer.processWordWithMatches("\\$SET '$PWD' x", ENV);
    assertThat(expansion.result()).isEqualTo("$SET $PWD x");
    assertThat(expansion.matched()).isEmpty();
    assertThat(expansion.unmatched()).isEmpty();
  }

  @Test
  void expansion_isImmutable() throws Exception {
    Expansion expansion = lexer.processWordWithMatches("$SET $UNSET", ENV);
    assertThatThrownBy(() -> expansion.words().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> expansion.matched().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- options

  @Test
  void rawQuotes_keepsQuoteCharacters() throws Exception {
    ShellLexer raw = lexer.withRawQuotes(true);
    assertThat(raw.processWord("\"a $SET\"'b c'", ENV)).isEqualTo("\"a value\"'b c'");
    assertThat(raw.processWords("\"a b\" c", ENV)).containsExactly("\"a b\"", "c");
  }

  @Test
  void rawEscapes_keepsEscapeCharacters() throws Exception {
    ShellLexer raw = lexer.withRawEscapes(true);
    assertThat(raw.processWord("a\\ b\\$SET", ENV)).isEqualTo("a\\ b\\$SET");
    assertThat(raw.processWords("a\\ b c", ENV)).containsExactly("a\\ b", "c");
  }

  @Test
  void skipUnsetEnv_leavesUnsetReferencesAsWritten() throws Exception {
    ShellLexer skip = lexer.withSkipUnsetEnv(true);
    assertThat(skip.processWord("$SET $UNSET ${UNSET} ${UNSET:-$PWD} ${UNSET//a/b} ${EMPTY:-d}", ENV))
        .isEqualTo("value $UNSET ${UNSET} ${UNSET:-/home} ${UNSET/a/b} d");
  }

  @Test
  void skipProcessQuotes_treatsQuotesAsOrdinaryCharacters() throws Exception {
    ShellLexer skip = lexer.withSkipProcessQuotes(true);
    assertThat(skip.processWord("'$SET' \"a", ENV)).isEqualTo("'value' \"a");
    assertThat(skip.processWords("'a b'", ENV)).containsExactly("'a", "b'");
  }

  @Test
  void withMethods_returnCopiesAndLeaveTheOriginalUnchanged() throws Exception {
    ShellLexer raw = lexer.withRawQuotes(true);
    assertThat(raw).isNotSameAs(lexer);
    assertThat(lexer.processWord("'a'", ENV)).isEqualTo("a");
    assertThat(raw.withRawQuotes(false).processWord("'a'", ENV)).isEqualTo("a");
  }

  @Test
  void exceptionMessage_quotesTheWordLikeGo() {
    assertThatThrownBy(() -> lexer.processWord("\t${UNSET?}\"", ENV))
        .isInstanceOf(ShellExpansionException.class)
        .hasMessage("failed to process \"\\t${UNSET?}\\\"\": UNSET: is not allowed to be unset");
  }

  @Test
  void processWords_returnsTheListFromTheSameExpansion() throws Exception {
    List<String> words = lexer.processWords("$PWD/a $PWD/b", ENV);
    assertThat(words).containsExactly("/home/a", "/home/b");
  }
}
