package dev.kaniko.core.copy;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One path component pattern with Go's {@code filepath.Match} syntax: {@code * ? [a-z] [^x] \}. */
final class GoPattern {
  private final Pattern regex;

  private GoPattern(Pattern regex) {
    this.regex = regex;
  }

  /** Whether {@code text} holds an unescaped pattern character. */
  static boolean hasMeta(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  /** Compiles one component; throws IllegalArgumentException on a malformed class. */
  static GoPattern compile(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '\\' -> {
          if (++i >= pattern.length()) {
            throw new IllegalArgumentException("syntax error in pattern " + pattern);
          }
          re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
        }
        case '[' -> i = charClass(pattern, i, re);
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    try {
      return new GoPattern(Pattern.compile(re.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("syntax error in pattern " + pattern);
    }
  }

  private static int charClass(String pattern, int start, StringBuilder re) {
    int i = start + 1;
    re.append('[');
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      re.append('^');
      i++;
    }
    boolean any = false;
    for (; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == ']' && any) {
        re.append(']');
        return i;
      }
      if (c == '\\' && i + 1 < pattern.length()) {
        c = pattern.charAt(++i);
      }
      if (c == '-' && any && i + 1 < pattern.length() && pattern.charAt(i + 1) != ']') {
        re.append('-');
        continue;
      }
      re.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
      any = true;
    }
    throw new IllegalArgumentException("syntax error in pattern " + pattern);
  }

  boolean matches(String name) {
    return regex.matcher(name).matches();
  }
}
