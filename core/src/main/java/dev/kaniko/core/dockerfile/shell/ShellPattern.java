package dev.kaniko.core.dockerfile.shell;

import static dev.kaniko.core.dockerfile.shell.CodePointScanner.EOF;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell wildcard patterns of {@code ${VAR#pat}}, {@code ${VAR%pat}} and {@code ${VAR/pat/repl}}:
 * {@code *} any string, {@code ?} any character, {@code \} escapes; no bracket expressions (as in
 * BuildKit). Matching follows Go's regexp package, which BuildKit uses.
 */
final class ShellPattern {
  private ShellPattern() {}

  /** Removes the shortest (or, greedy, longest) prefix of {@code value} matching {@code pattern}. */
  static String trimPrefix(String pattern, String value, boolean greedy) throws ExpansionFailure {
    Matcher matcher = compile(pattern, greedy, true).matcher(value);
    return matcher.find() ? value.substring(matcher.end()) : value;
  }

  /** Removes the shortest (or, greedy, longest) suffix of {@code value} matching {@code pattern}. */
  static String trimSuffix(String pattern, String value, boolean greedy) throws ExpansionFailure {
    // A regex finds the leftmost match only: reverse both to turn the suffix into a prefix.
    String reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
    return reverse(reversed);
  }

  /** Replaces the first (or every) match of {@code pattern} in {@code value}. */
  static String replace(String pattern, String value, String replacement, boolean all)
      throws ExpansionFailure {
    Pattern regex = compile(pattern, true, false);
    if (all) {
      return GoReplaceAll.replaceAll(regex, value, replacement);
    }
    Matcher matcher = regex.matcher(value);
    if (!matcher.find()) {
      return value;
    }
    return value.substring(0, matcher.start()) + replacement + value.substring(matcher.end());
  }

  /** Compiles a shell pattern, failing like BuildKit on an invalid escape. */
  static Pattern compile(String pattern, boolean greedy, boolean anchored) throws ExpansionFailure {
    try {
      return Pattern.compile(toRegex(pattern, greedy, anchored), Pattern.UNIX_LINES);
    } catch (InvalidEscape e) {
      throw new ExpansionFailure(
          "invalid pattern (" + pattern + ") in substitution: " + e.getMessage());
    }
  }

  /** The regular expression BuildKit builds for a pattern ({@code .} never matches a newline). */
  static String toRegex(String pattern, boolean greedy, boolean anchored) throws InvalidEscape {
    CodePointScanner scanner = new CodePointScanner(pattern);
    StringBuilder out = new StringBuilder(pattern.length() + 4);
    if (anchored) {
      out.append('^');
    }
    String star = greedy ? ".*" : ".*?";
    for (int tok = scanner.next(); tok != EOF; tok = scanner.next()) {
      switch (tok) {
        case '*' -> out.append(star);
        case '?' -> out.append('.');
        case '\\' -> appendEscaped(scanner, out);
        case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' ->
            out.append('\\').appendCodePoint(tok);
        default -> out.appendCodePoint(tok);
      }
    }
    return out.toString();
  }

  private static void appendEscaped(CodePointScanner scanner, StringBuilder out)
      throws InvalidEscape {
    int next = scanner.peek();
    if (next == '}' || next == '/') {
      return; // escaped only to get past the lexer; the next character is taken as itself
    }
    int tok = scanner.next();
    if (tok == EOF) {
      throw new InvalidEscape("invalid escape '\\' at end of pattern");
    }
    if (tok != '*' && tok != '?' && tok != '\\') {
      throw new InvalidEscape("invalid escape '\\" + Character.toString(tok) + "'");
    }
    out.append('\\').appendCodePoint(tok);
  }

  /** Reverses a pattern but keeps each escape before the character it escapes. */
  static String reversePattern(String pattern) {
    int[] in = pattern.codePoints().toArray();
    int[] out = new int[in.length];
    int last = in.length - 1;
    int i = 0;
    while (i <= last) {
      int outIndex = last - i;
      if (in[i] == '\\' && i != last) {
        out[outIndex - 1] = '\\';
        out[outIndex] = in[i + 1];
        i += 2;
      } else {
        out[outIndex] = in[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  /** Reverses a string by code points. */
  static String reverse(String text) {
    return new StringBuilder(text).reverse().toString();
  }

  /** A pattern with an escape BuildKit rejects. */
  static final class InvalidEscape extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidEscape(String message) {
      super(message, null, false, false);
    }
  }
}
