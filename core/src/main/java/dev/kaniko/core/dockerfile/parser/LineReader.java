package dev.kaniko.core.dockerfile.parser;

import java.io.IOException;
import java.io.Reader;

/** Reads lines one at a time, keeping each line's ending (heredoc content needs it). */
final class LineReader {
  private final Reader in;
  private boolean eof;

  LineReader(Reader in) {
    this.in = in;
  }

  /** The next line including its "\n", or null at the end of the input. */
  String next() throws IOException {
    if (eof) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      line.append((char) c);
      if (c == '\n') {
        return line.toString();
      }
    }
    eof = true;
    return line.length() == 0 ? null : line.toString();
  }
}
