package dev.kaniko.core.dockerfile.shell;

import static dev.kaniko.core.dockerfile.shell.CodePointScanner.EOF;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands one word (one use only). Follows BuildKit's {@code shellWord} step by step so that
 * results, word splits and error positions match the reference frontend.
 */
final class WordExpander {
  private static final String MISSING_BRACE = "syntax error: missing '}'";

  private final LexerOptions options;
  private final Map<String, String> env;
  private final CodePointScanner scanner;
  private final Set<String> matched = new LinkedHashSet<>();
  private final Set<String> unmatched = new LinkedHashSet<>();
  private boolean rawEscapes;

  WordExpander(LexerOptions options, Map<String, String> env, String word) {
    this.options = options;
    this.env = env;
    this.scanner = new CodePointScanner(word);
    this.rawEscapes = options.rawEscapes();
  }

  Expansion expand() throws ExpansionFailure {
    Segment segment = processUntil(EOF, options.rawEscapes());
    return new Expansion(segment.text(), segment.words(), matched, unmatched);
  }

  /** Text read up to a stop character, and the same text split into words. */
  private record Segment(String text, List<String> words) {}

  /** Processes input until {@code stopChar} (consumed) or, for {@code EOF}, the end. */
  private Segment processUntil(int stopChar, boolean rawEscapesHere) throws ExpansionFailure {
    boolean saved = rawEscapes;
    rawEscapes = rawEscapesHere;
    try {
      return scanUntil(stopChar);
    } finally {
      rawEscapes = saved;
    }
  }

  private Segment scanUntil(int stopChar) throws ExpansionFailure {
    StringBuilder result = new StringBuilder();
    WordAccumulator words = new WordAccumulator();
    while (scanner.peek() != EOF) {
      int ch = scanner.peek();
      if (stopChar != EOF && ch == stopChar) {
        scanner.next();
        return new Segment(result.toString(), words.finish());
      }
      if (ch == '$') {
        String value = processDollar();
        result.append(value);
        words.addString(value);
      } else if (ch == '<') {
        String operator = processPossibleHeredoc();
        result.append(operator);
        words.addRawString(operator);
      } else if (isQuote(ch)) {
        String quoted = ch == '\'' ? processSingleQuote() : processDoubleQuote();
        result.append(quoted);
        words.addRawString(quoted);
      } else if (!processPlain(result, words)) {
        break;
      }
    }
    if (stopChar != EOF) {
      throw new ExpansionFailure(
          "unexpected end of statement while looking for matching " + Character.toString(stopChar));
    }
    return new Segment(result.toString(), words.finish());
  }

  private boolean isQuote(int ch) {
    return !options.skipProcessQuotes() && (ch == '\'' || ch == '"');
  }

  /** Consumes one ordinary or escaped character; false when an escape character ended the input. */
  private boolean processPlain(StringBuilder result, WordAccumulator words) {
    int ch = scanner.next();
    if (ch == options.escapeToken()) {
      if (rawEscapes) {
        words.addRawChar(ch);
        result.appendCodePoint(ch);
      }
      ch = scanner.next();
      if (ch == EOF) {
        return false;
      }
      words.addRawChar(ch);
    } else {
      words.addChar(ch);
    }
    result.appendCodePoint(ch);
    return true;
  }

  /**
   * An unquoted {@code <}; for {@code <<}, also the spaces, tabs and carriage returns right after
   * it, so that {@code << EOF} stays one word (BuildKit's {@code processPossibleHeredoc}).
   */
  private String processPossibleHeredoc() {
    StringBuilder operator = new StringBuilder().appendCodePoint(scanner.next());
    if (scanner.peek() != '<') {
      return operator.toString();
    }
    operator.appendCodePoint(scanner.next());
    while (isHeredocBlank(scanner.peek())) {
      operator.appendCodePoint(scanner.next());
    }
    return operator.toString();
  }

  private static boolean isHeredocBlank(int ch) {
    return ch == ' ' || ch == '\t' || ch == '\r';
  }

  /** Everything up to the next single quote, literally; a single quote cannot be escaped. */
  private String processSingleQuote() throws ExpansionFailure {
    StringBuilder result = new StringBuilder();
    appendIfRawQuotes(result, scanner.next());
    while (true) {
      int ch = scanner.next();
      if (ch == EOF) {
        throw new ExpansionFailure(
            "unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        appendIfRawQuotes(result, ch);
        return result.toString();
      }
      result.appendCodePoint(ch);
    }
  }

  /** Everything up to the next double quote; expands {@code $}, escapes only {@code " $} and the escape. */
  private String processDoubleQuote() throws ExpansionFailure {
    StringBuilder result = new StringBuilder();
    appendIfRawQuotes(result, scanner.next());
    while (true) {
      int peek = scanner.peek();
      if (peek == EOF) {
        throw new ExpansionFailure(
            "unexpected end of statement while looking for matching double-quote");
      } else if (peek == '"') {
        appendIfRawQuotes(result, scanner.next());
        return result.toString();
      } else if (peek == '$') {
        result.append(processDollar());
      } else {
        processDoubleQuotedChar(result);
      }
    }
  }

  private void processDoubleQuotedChar(StringBuilder result) {
    int ch = scanner.next();
    if (ch == options.escapeToken()) {
      if (rawEscapes) {
        result.appendCodePoint(ch);
      }
      int following = scanner.peek();
      if (following == EOF) {
        return; // the unterminated quote is reported by the caller
      }
      if (following == '"' || following == '$' || following == options.escapeToken()) {
        ch = scanner.next();
      }
    }
    result.appendCodePoint(ch);
  }

  private void appendIfRawQuotes(StringBuilder result, int quote) {
    if (options.rawQuotes()) {
      result.appendCodePoint(quote);
    }
  }

  /** Expands a {@code $} reference; the scanner is on the {@code $}. */
  private String processDollar() throws ExpansionFailure {
    scanner.next();
    if (scanner.peek() != '{') {
      return processBareReference();
    }
    scanner.next();
    int first = scanner.peek();
    if (first == EOF) {
      throw new ExpansionFailure(MISSING_BRACE);
    }
    if (first == '{' || first == '}' || first == ':') {
      throw new ExpansionFailure("syntax error: bad substitution");
    }
    String name = processName();
    int ch = scanner.next();
    switch (ch) {
      case '}':
        return processBracedReference(name);
      case ':', '+', '-', '?', '#', '%':
        return processModifier(name, ch);
      case '/':
        return processSubstitution(name);
      case EOF:
        throw new ExpansionFailure(MISSING_BRACE);
      default:
        throw unsupportedModifier(Character.toString(ch));
    }
  }

  private String processBareReference() {
    String name = processName();
    if (name.isEmpty()) {
      return "$";
    }
    String value = lookup(name);
    if (value == null) {
      return options.skipUnsetEnv() ? "$" + name : "";
    }
    return value;
  }

  private String processBracedReference(String name) {
    String value = lookup(name);
    if (value == null) {
      return options.skipUnsetEnv() ? "${" + name + "}" : "";
    }
    return value;
  }

  /** {@code ${NAME[:]op word}} for op in {@code - + ? # % ## %%}; the scanner is after op. */
  private String processModifier(String name, int firstOp) throws ExpansionFailure {
    int op = firstOp;
    String written = Character.toString(firstOp);
    boolean nullIsUnset = false;
    if (op == ':') {
      nullIsUnset = true;
      op = scanner.next();
      if (op == EOF) {
        throw new ExpansionFailure(MISSING_BRACE);
      }
      written += Character.toString(op);
    }
    String word = processNested('}', op == '#' || op == '%', MISSING_BRACE);
    String value = lookup(name);
    if (value == null && options.skipUnsetEnv()) {
      return "${" + name + written + word + "}";
    }
    boolean useDefault = value == null || (nullIsUnset && value.isEmpty());
    switch (op) {
      case '-':
        return useDefault ? word : value;
      case '+':
        return useDefault ? "" : word;
      case '?':
        return requireSet(name, value, nullIsUnset, word);
      case '#', '%':
        return trim(op, word, value == null ? "" : value);
      default:
        throw unsupportedModifier(written);
    }
  }

  private static String requireSet(String name, String value, boolean nullIsUnset, String message)
      throws ExpansionFailure {
    if (value == null) {
      throw new ExpansionFailure(
          name + ": " + (message.isEmpty() ? "is not allowed to be unset" : message));
    }
    if (nullIsUnset && value.isEmpty()) {
      throw new ExpansionFailure(
          name + ": " + (message.isEmpty() ? "is not allowed to be empty" : message));
    }
    return value;
  }

  private static String trim(int op, String word, String value) throws ExpansionFailure {
    boolean greedy = !word.isEmpty() && word.codePointAt(0) == op;
    String pattern = greedy ? word.substring(1) : word;
    return op == '%'
        ? ShellPattern.trimSuffix(pattern, value, greedy)
        : ShellPattern.trimPrefix(pattern, value, greedy);
  }

  /** {@code ${NAME/pattern/replacement}} and {@code ${NAME//pattern/replacement}}. */
  private String processSubstitution(String name) throws ExpansionFailure {
    boolean replaceAll = scanner.peek() == '/';
    if (replaceAll) {
      scanner.next();
    }
    String pattern = processNested('/', true, "syntax error: missing '/' in ${}");
    String replacement = processNested('}', true, MISSING_BRACE);
    String value = lookup(name);
    if (value == null && options.skipUnsetEnv()) {
      return "${" + name + "/" + pattern + "/" + replacement + "}";
    }
    return ShellPattern.replace(pattern, value == null ? "" : value, replacement, replaceAll);
  }

  /** Processes a nested word up to {@code stopChar}; running out of input gives {@code missing}. */
  private String processNested(int stopChar, boolean rawEscapesHere, String missing)
      throws ExpansionFailure {
    try {
      return processUntil(stopChar, rawEscapesHere).text();
    } catch (ExpansionFailure failure) {
      if (scanner.peek() == EOF) {
        throw new ExpansionFailure(missing);
      }
      throw failure;
    }
  }

  /** A variable name: letters, digits and {@code _}; or all leading digits; or one special parameter. */
  private String processName() {
    StringBuilder name = new StringBuilder();
    while (scanner.peek() != EOF) {
      int ch = scanner.peek();
      if (name.length() == 0 && GoChars.isDigit(ch)) {
        while (GoChars.isDigit(scanner.peek())) {
          name.appendCodePoint(scanner.next());
        }
        return name.toString();
      }
      if (name.length() == 0 && isSpecialParameter(ch)) {
        return Character.toString(scanner.next());
      }
      if (!GoChars.isLetter(ch) && !GoChars.isDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(scanner.next());
    }
    return name.toString();
  }

  private static boolean isSpecialParameter(int ch) {
    return switch (ch) {
      case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
      default -> false;
    };
  }

  /** The variable's value, or null when unset; records the name as matched or unmatched. */
  private String lookup(String name) {
    if (env.containsKey(name)) {
      matched.add(name);
      String value = env.get(name);
      return value == null ? "" : value;
    }
    unmatched.add(name);
    return null;
  }

  private static ExpansionFailure unsupportedModifier(String modifier) {
    return new ExpansionFailure("unsupported modifier (" + modifier + ") in substitution");
  }
}
