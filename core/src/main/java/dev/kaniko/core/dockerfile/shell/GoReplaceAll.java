package dev.kaniko.core.dockerfile.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code Regexp.ReplaceAllString}, which BuildKit uses for {@code ${VAR//pat/repl}}: an empty
 * match right after a match is skipped, and the replacement is a template where {@code $$} is a
 * dollar and {@code $0}/{@code ${0}} the match (other {@code $name} references expand to nothing).
 */
final class GoReplaceAll {
  private GoReplaceAll() {}

  static String replaceAll(Pattern regex, String source, String template) {
    StringBuilder out = new StringBuilder(source.length());
    Matcher matcher = regex.matcher(source);
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= source.length() && matcher.find(searchPos)) {
      int start = matcher.start();
      int end = matcher.end();
      out.append(source, lastMatchEnd, start);
      if (end > lastMatchEnd || start == 0) {
        expand(out, template, source.substring(start, end));
      }
      lastMatchEnd = end;
      searchPos = advance(source, searchPos, end);
    }
    return out.append(source, lastMatchEnd, source.length()).toString();
  }

  /** Moves past a match, always by at least one character. */
  private static int advance(String source, int searchPos, int matchEnd) {
    int width = searchPos < source.length() ? Character.charCount(source.codePointAt(searchPos)) : 0;
    if (searchPos + width > matchEnd) {
      return searchPos + width;
    }
    if (searchPos + 1 > matchEnd) {
      return searchPos + 1;
    }
    return matchEnd;
  }

  /** Appends the template with Go's {@code Regexp.Expand} rules for a pattern without groups. */
  static void expand(StringBuilder out, String template, String match) {
    int i = 0;
    while (true) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      int end = referenceEnd(template, i);
      if (end < 0) {
        out.append('$'); // malformed reference: the dollar is literal
        continue;
      }
      if (isGroupZero(template, i, end)) {
        out.append(match);
      }
      i = end;
    }
    out.append(template, i, template.length());
  }

  /** The end of a {@code name} or {@code {name}} reference starting at {@code from}, or -1. */
  private static int referenceEnd(String template, int from) {
    boolean brace = from < template.length() && template.charAt(from) == '{';
    int start = brace ? from + 1 : from;
    int end = start;
    while (end < template.length()) {
      int ch = template.codePointAt(end);
      if (!GoChars.isLetter(ch) && !GoChars.isDigit(ch) && ch != '_') {
        break;
      }
      end += Character.charCount(ch);
    }
    if (end == start) {
      return -1;
    }
    if (brace) {
      if (end >= template.length() || template.charAt(end) != '}') {
        return -1;
      }
      end++;
    }
    return end;
  }

  private static boolean isGroupZero(String template, int from, int end) {
    String reference = template.substring(from, end);
    return reference.equals("0") || reference.equals("{0}");
  }
}
