package dev.kaniko.core.dockerfile.parser;

import dev.kaniko.core.dockerfile.shell.GoChars;
import java.util.ArrayList;
import java.util.List;

/** Splits an instruction line into its command, its leading {@code --flags} and the rest. */
final class FlagSplitter {
  record Split(String command, List<String> flags, String args) {}

  private FlagSplitter() {}

  static Split split(String line) {
    String[] cmdline = GoText.WHITESPACE.split(GoText.trim(line), 2);
    if (cmdline.length < 2) {
      return new Split(cmdline[0], List.of(), "");
    }
    List<String> flags = new ArrayList<>();
    String rest = extractFlags(cmdline[1], flags);
    return new Split(cmdline[0], flags, GoText.trim(rest));
  }

  /** Reads leading words that start with "--" into flags; returns what follows them. */
  private static String extractFlags(String line, List<String> flags) {
    int pos = 0;
    int n = line.length();
    while (true) {
      while (pos < n && GoChars.isSpace(line.charAt(pos))) {
        pos++;
      }
      if (pos == n) {
        return "";
      }
      if (!line.startsWith("--", pos)) {
        return line.substring(pos);
      }
      int[] end = new int[1];
      String word = readWord(line, pos, end);
      pos = end[0];
      boolean atEnd = pos >= n;
      if (word.equals("--")) {
        return atEnd ? "" : line.substring(pos);
      }
      if (!word.isEmpty()) {
        flags.add(word);
      }
      if (atEnd) {
        return "";
      }
    }
  }

  /** Reads one word (quotes and backslash escapes removed) starting at pos; end[0] = stop index. */
  private static String readWord(String line, int start, int[] end) {
    StringBuilder word = new StringBuilder();
    int pos = start;
    int n = line.length();
    char quote = 0;
    while (pos < n) {
      char ch = line.charAt(pos);
      if (quote == 0) {
        if (GoChars.isSpace(ch)) {
          break;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          pos++;
          continue;
        }
      } else if (ch == quote) {
        quote = 0;
        pos++;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == n) {
          pos++;
          quote = 0;
          continue;
        }
        pos++;
        ch = line.charAt(pos);
      }
      word.append(ch);
      pos++;
    }
    end[0] = pos;
    return word.toString();
  }
}
