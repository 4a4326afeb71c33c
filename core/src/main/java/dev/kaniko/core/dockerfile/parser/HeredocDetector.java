package dev.kaniko.core.dockerfile.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the here-document openers ({@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}) among the
 * shell words of a line. Words are split as a POSIX shell would (quotes and backslashes group),
 * without any variable expansion: only the delimiter words matter here.
 */
final class HeredocDetector {
  private static final Pattern OPENER = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");

  private HeredocDetector() {}

  /** The heredocs opened on this line, in order (content still empty). */
  static List<Heredoc> openers(String line) {
    List<Heredoc> result = new ArrayList<>();
    List<String> words = splitWords(line, true);
    if (words == null) {
      return result;
    }
    for (String word : words) {
      parse(word).ifPresent(result::add);
    }
    return result;
  }

  /** Parses one word as a heredoc opener; empty when it is not one. */
  static Optional<Heredoc> parse(String word) {
    Matcher m = OPENER.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) {
      return Optional.empty();
    }
    String rest = m.group(3);
    List<String> plain = splitWords(rest, false);
    List<String> raw = splitWords(rest, true);
    if (plain == null || raw == null || plain.size() != 1 || raw.size() != 1) {
      return Optional.empty();
    }
    String name = plain.get(0);
    boolean expand = quoteCount(name) == quoteCount(raw.get(0));
    int fd = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
    return Optional.of(new Heredoc(name, fd, expand, m.group(2).equals("-"), ""));
  }

  private static int quoteCount(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        count++;
      }
    }
    return count;
  }

  /**
   * Splits shell words; with {@code raw} the quotes and backslashes stay in the words. Returns
   * null on an unterminated quote.
   */
  static List<String> splitWords(String text, boolean raw) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (GoText.isSpace(ch)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (ch == '\\') {
        if (raw) {
          word.append(ch);
        }
        if (i + 1 < n) {
          word.append(text.charAt(++i));
        }
      } else if (ch == '\'' || ch == '"') {
        int close = closingQuote(text, i);
        if (close < 0) {
          return null;
        }
        appendQuoted(word, text, i, close, raw);
        i = close;
      } else {
        word.append(ch);
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static int closingQuote(String text, int open) {
    char quote = text.charAt(open);
    for (int i = open + 1; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\\' && quote == '"') {
        i++;
      } else if (ch == quote) {
        return i;
      }
    }
    return -1;
  }

  private static void appendQuoted(StringBuilder word, String text, int open, int close,
      boolean raw) {
    if (raw) {
      word.append(text, open, close + 1);
      return;
    }
    boolean doubleQuoted = text.charAt(open) == '"';
    for (int i = open + 1; i < close; i++) {
      char ch = text.charAt(i);
      if (doubleQuoted && ch == '\\' && "\"$\\".indexOf(text.charAt(i + 1)) >= 0) {
        ch = text.charAt(++i);
      }
      word.append(ch);
    }
  }
}
