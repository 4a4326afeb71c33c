package dev.kaniko.core.dockerfile.shell;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dockerfile word expansion, behaving exactly like BuildKit's shell lexer ({@code shell.Lex}):
 * {@code $VAR}, {@code ${VAR}}, the {@code ${VAR<op>word}} modifiers, quotes, the escape character
 * and word splitting. Immutable and thread-safe; the {@code with*} methods return modified copies.
 *
 * <p>The environment map holds the variables in scope: a key mapped to {@code ""} (or {@code null})
 * is set but empty, an absent key is unset. Names are compared case-sensitively (Unix rules).
 */
public final class ShellLexer {
  private final LexerOptions options;

  /**
   * A lexer with BuildKit's default options.
   *
   * @param escapeToken the Dockerfile's escape character: {@code '\\'} or {@code '`'}
   * @throws IllegalArgumentException for any other character
   */
  public ShellLexer(char escapeToken) {
    this(LexerOptions.of(escapeToken));
  }

  private ShellLexer(LexerOptions options) {
    this.options = options;
  }

  /** A copy that keeps quote characters in the result (BuildKit's {@code RawQuotes}). */
  public ShellLexer withRawQuotes(boolean rawQuotes) {
    return new ShellLexer(options.withRawQuotes(rawQuotes));
  }

  /** A copy that keeps escape characters in the result (BuildKit's {@code RawEscapes}). */
  public ShellLexer withRawEscapes(boolean rawEscapes) {
    return new ShellLexer(options.withRawEscapes(rawEscapes));
  }

  /** A copy that leaves references to unset variables as written (BuildKit's {@code SkipUnsetEnv}). */
  public ShellLexer withSkipUnsetEnv(boolean skipUnsetEnv) {
    return new ShellLexer(options.withSkipUnsetEnv(skipUnsetEnv));
  }

  /** A copy that treats quotes as ordinary characters (BuildKit's {@code SkipProcessQuotes}). */
  public ShellLexer withSkipProcessQuotes(boolean skipProcessQuotes) {
    return new ShellLexer(options.withSkipProcessQuotes(skipProcessQuotes));
  }

  /** The escape character this lexer was built with. */
  public char escapeToken() {
    return (char) options.escapeToken();
  }

  /** Expands {@code word} into one string: quotes removed, whitespace kept. */
  public String processWord(String word, Map<String, String> env) throws ShellExpansionException {
    return processWordWithMatches(word, env).result();
  }

  /**
   * Expands {@code word} and splits the result on unquoted whitespace (COPY sources, EXPOSE...).
   * Like BuildKit, an unquoted {@code <<} keeps the blanks after it in its word: {@code << EOF} is
   * one word.
   */
  public List<String> processWords(String word, Map<String, String> env)
      throws ShellExpansionException {
    return processWordWithMatches(word, env).words();
  }

  /** Expands {@code word} and also reports which variables it referenced, set or unset. */
  public Expansion processWordWithMatches(String word, Map<String, String> env)
      throws ShellExpansionException {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(env, "env");
    try {
      return new WordExpander(options, env, word).expand();
    } catch (ExpansionFailure failure) {
      throw new ShellExpansionException(word, failure.getMessage());
    }
  }

  @Override
  public String toString() {
    return "ShellLexer" + options;
  }
}
