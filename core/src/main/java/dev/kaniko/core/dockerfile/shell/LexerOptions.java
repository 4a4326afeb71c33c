package dev.kaniko.core.dockerfile.shell;

/** The settings of a {@link ShellLexer}, mirroring the fields of BuildKit's {@code shell.Lex}. */
record LexerOptions(
    int escapeToken,
    boolean rawQuotes,
    boolean rawEscapes,
    boolean skipUnsetEnv,
    boolean skipProcessQuotes) {

  static LexerOptions of(char escapeToken) {
    if (escapeToken != '\\' && escapeToken != '`') {
      throw new IllegalArgumentException(
          "invalid escape token '" + escapeToken + "': must be '\\' or '`'");
    }
    return new LexerOptions(escapeToken, false, false, false, false);
  }

  LexerOptions withRawQuotes(boolean value) {
    return new LexerOptions(escapeToken, value, rawEscapes, skipUnsetEnv, skipProcessQuotes);
  }

  LexerOptions withRawEscapes(boolean value) {
    return new LexerOptions(escapeToken, rawQuotes, value, skipUnsetEnv, skipProcessQuotes);
  }

  LexerOptions withSkipUnsetEnv(boolean value) {
    return new LexerOptions(escapeToken, rawQuotes, rawEscapes, value, skipProcessQuotes);
  }

  LexerOptions withSkipProcessQuotes(boolean value) {
    return new LexerOptions(escapeToken, rawQuotes, rawEscapes, skipUnsetEnv, value);
  }
}
