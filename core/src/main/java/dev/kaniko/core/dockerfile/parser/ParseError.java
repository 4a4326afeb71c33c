package dev.kaniko.core.dockerfile.parser;

/** A problem found while parsing one logical line; the parser adds the location. */
final class ParseError extends Exception {
  private static final long serialVersionUID = 1L;

  ParseError(String message) {
    super(message, null, false, false);
  }
}
