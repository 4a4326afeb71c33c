package dev.kaniko.core.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/** Splits expanded text into words on unquoted whitespace, like BuildKit's {@code wordsStruct}. */
final class WordAccumulator {
  private final List<String> words = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;

  /** Adds a character that splits words when it is whitespace. */
  void addChar(int ch) {
    if (GoChars.isSpace(ch)) {
      if (inWord && word.length() != 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
    } else {
      addRawChar(ch);
    }
  }

  /** Adds a character that never splits (escaped or quoted). */
  void addRawChar(int ch) {
    word.appendCodePoint(ch);
    inWord = true;
  }

  /** Adds text that splits on its whitespace (a variable's value). */
  void addString(String text) {
    text.codePoints().forEach(this::addChar);
  }

  /** Adds text that never splits (a quoted string). */
  void addRawString(String text) {
    word.append(text);
    inWord = true;
  }

  List<String> finish() {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
    return words;
  }
}
