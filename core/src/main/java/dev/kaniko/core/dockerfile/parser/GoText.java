package dev.kaniko.core.dockerfile.parser;

import java.util.regex.Pattern;

/** Small text helpers with Go's semantics (unicode.IsSpace, strings.TrimSpace). */
final class GoText {
  /** BuildKit's reWhitespace: the separators between whitespace-delimited arguments. */
  static final Pattern WHITESPACE = Pattern.compile("[\\t\\x0B\\f\\r ]+");

  private GoText() {}

  static boolean isSpace(int c) {
    switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> {
        return true;
      }
      default -> {
        return c >= 0x2000 && c <= 0x200A;
      }
    }
  }

  static String trimLeft(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String trim(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
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
