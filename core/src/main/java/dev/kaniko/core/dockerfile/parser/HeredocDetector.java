package dev.kaniko.core.dockerfile.parser;

import dev.kaniko.core.dockerfile.shell.ShellExpansionException;
import dev.kaniko.core.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the here-document openers ({@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}) among the
 * shell words of a line, as BuildKit does: words come from the shell lexer with raw quotes and
 * escapes and no variables; a delimiter with any quoted part turns expansion off.
 */
final class HeredocDetector {
  private static final Pattern OPENER = Pattern.compile("^(\\d*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)$");
  private static final ShellLexer LEXER = new ShellLexer('\\').withSkipUnsetEnv(true);

  private HeredocDetector() {}

  /** The heredocs opened on this line, in order (content still empty). */
  static List<Heredoc> openers(String line) {
    List<Heredoc> result = new ArrayList<>();
    for (String word : words(LEXER.withRawQuotes(true).withRawEscapes(true), line)) {
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
    List<String> plain = words(LEXER.withRawQuotes(false), rest);
    List<String> raw = words(LEXER.withRawQuotes(true), rest);
    if (plain.size() != 1 || raw.size() != 1) {
      return Optional.empty();
    }
    String name = plain.get(0);
    boolean expand = quoteCount(name) == quoteCount(raw.get(0));
    int fd = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
    return Optional.of(new Heredoc(name, fd, expand, m.group(2).equals("-"), ""));
  }

  private static List<String> words(ShellLexer lexer, String text) {
    try {
      return lexer.processWords(text, Map.of());
    } catch (ShellExpansionException e) {
      return List.of();
    }
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
}
