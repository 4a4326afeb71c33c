package dev.kaniko.core.dockerfile.parser;

import dev.kaniko.core.dockerfile.shell.GoChars;
import java.util.regex.Pattern;

/** Small text helpers with Go's semantics (strings.TrimSpace with unicode.IsSpace). */
final class GoText {
  /** BuildKit's reWhitespace: the separators between whitespace-delimited arguments. */
  static final Pattern WHITESPACE = Pattern.compile("[\\t\\x0B\\f\\r ]+");

  private GoText() {}

  static String trimLeft(String s) {
    int i = 0;
    while (i < s.length() && GoChars.isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String trim(String s) {
    int end = s.length();
    while (end > 0 && GoChars.isSpace(s.charAt(end - 1))) {
      end--;
    }
    return trimLeft(s.substring(0, end));
  }

  static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }
}
