package dev.kaniko.core.dockerfile.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kaniko.core.dockerfile.shell.GoChars;
import dev.kaniko.core.dockerfile.shell.GoQuote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-instruction argument parsers (the parser's dispatch table). */
final class LineParsers {
  private static final JsonFactory JSON = new JsonFactory();
  static final String NOT_STRING_ARRAY =
      "when using JSON array syntax, arrays must be comprised of strings only";

  /** Parses a line into a node; used recursively by ONBUILD. */
  interface LineParser {
    Node parse(String line) throws ParseError;
  }

  private LineParsers() {}

  static Arguments dispatch(String command, String rest, char escape, LineParser sub)
      throws ParseError {
    return switch (command.toLowerCase(Locale.ROOT)) {
      case "add", "copy", "volume" -> maybeJsonToList(rest);
      case "arg" -> Arguments.of(Node.chain(words(rest, escape)));
      case "cmd", "entrypoint", "run", "shell" -> maybeJson(rest);
      case "env" -> Arguments.of(nameValue(rest, "ENV", escape));
      case "label" -> Arguments.of(nameValue(rest, "LABEL", escape));
      case "expose", "from" -> Arguments.of(whitespaceDelimited(rest));
      case "healthcheck" -> healthcheck(rest);
      case "maintainer", "stopsignal", "user", "workdir" ->
          Arguments.of(rest.isEmpty() ? null : Node.chain(List.of(rest)));
      case "onbuild" -> rest.isEmpty()
          ? Arguments.NONE
          : Arguments.of(Node.builder().children(List.of(sub.parse(rest))).build());
      default -> Arguments.NONE;
    };
  }

  /** Splits into words on unquoted whitespace, keeping quotes and escapes (expanded later). */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean blankOk = false;
    char quote = 0;
    int n = rest.length();
    for (int pos = 0; pos < n; pos++) {
      char ch = rest.charAt(pos);
      if (!inWord) {
        if (GoChars.isSpace(ch)) {
          continue;
        }
        inWord = true;
      }
      if (quote == 0) {
        if (GoChars.isSpace(ch)) {
          addWord(words, word, blankOk);
          inWord = false;
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
        } else if (ch == escape) {
          if (pos + 1 == n) {
            continue;
          }
          word.append(ch);
          ch = rest.charAt(++pos);
        }
        word.append(ch);
        continue;
      }
      if (ch == quote) {
        quote = 0;
      } else if (ch == escape && quote != '\'') {
        if (pos + 1 == n) {
          quote = 0;
          continue;
        }
        word.append(ch);
        ch = rest.charAt(++pos);
      }
      word.append(ch);
    }
    if (inWord) {
      addWord(words, word, blankOk);
    }
    return words;
  }

  private static void addWord(List<String> words, StringBuilder word, boolean blankOk) {
    if (blankOk || word.length() > 0) {
      words.add(word.toString());
    }
    word.setLength(0);
  }

  private static Node nameValue(String rest, String key, char escape) throws ParseError {
    List<String> words = words(rest, escape);
    if (words.isEmpty()) {
      return null;
    }
    if (!words.get(0).contains("=")) {
      String[] parts = GoText.WHITESPACE.split(rest, 2);
      if (parts.length < 2) {
        throw new ParseError(key + " must have two arguments");
      }
      return Node.chain(List.of(parts[0], parts[1], ""));
    }
    List<String> values = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new ParseError("Syntax error - can't find = in " + GoQuote.quote(word)
            + ". Must be of the form: name=value");
      }
      values.add(word.substring(0, eq));
      values.add(word.substring(eq + 1));
      values.add("=");
    }
    return Node.chain(values);
  }

  static Node whitespaceDelimited(String rest) {
    if (rest.isEmpty()) {
      return null;
    }
    return Node.chain(List.of(GoText.WHITESPACE.split(rest, -1)));
  }

  /** Parses a JSON string array, or returns null when the text is not a JSON array at all. */
  private static Arguments json(String rest) throws ParseError {
    String text = GoText.trimLeft(rest);
    if (!text.startsWith("[")) {
      return null;
    }
    List<String> values = new ArrayList<>();
    boolean onlyStrings = true;
    try (JsonParser parser = JSON.createParser(text)) {
      parser.nextToken();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == JsonToken.VALUE_STRING) {
          values.add(parser.getText());
        } else {
          onlyStrings = false;
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (!onlyStrings) {
      throw new ParseError(NOT_STRING_ARRAY);
    }
    return new Arguments(Node.chain(values), true);
  }

  private static Arguments maybeJson(String rest) throws ParseError {
    if (rest.isEmpty()) {
      return Arguments.NONE;
    }
    Arguments json = json(rest);
    return json != null ? json : Arguments.of(Node.chain(List.of(rest)));
  }

  private static Arguments maybeJsonToList(String rest) throws ParseError {
    Arguments json = json(rest);
    return json != null ? json : Arguments.of(whitespaceDelimited(rest));
  }

  private static Arguments healthcheck(String rest) throws ParseError {
    int sep = 0;
    while (sep < rest.length() && !GoChars.isSpace(rest.charAt(sep))) {
      sep++;
    }
    int next = sep;
    while (next < rest.length() && GoChars.isSpace(rest.charAt(next))) {
      next++;
    }
    if (sep == 0) {
      return Arguments.NONE;
    }
    Arguments cmd = maybeJson(rest.substring(next));
    Node type = Node.builder().value(rest.substring(0, sep)).next(cmd.head()).build();
    return new Arguments(type, cmd.json());
  }
}
