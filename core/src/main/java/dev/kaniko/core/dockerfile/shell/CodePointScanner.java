package dev.kaniko.core.dockerfile.shell;

/** Reads a string one Unicode code point at a time, like Go's {@code text/scanner} Next/Peek. */
final class CodePointScanner {
  static final int EOF = -1;

  private final String text;
  private int position;

  CodePointScanner(String text) {
    this.text = text;
  }

  int peek() {
    return position < text.length() ? text.codePointAt(position) : EOF;
  }

  int next() {
    int ch = peek();
    if (ch != EOF) {
      position += Character.charCount(ch);
    }
    return ch;
  }
}
