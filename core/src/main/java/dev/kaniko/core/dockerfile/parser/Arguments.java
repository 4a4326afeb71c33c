package dev.kaniko.core.dockerfile.parser;

/** The argument chain of one instruction and whether it was written in JSON form. */
record Arguments(Node head, boolean json) {
  static final Arguments NONE = new Arguments(null, false);

  static Arguments of(Node head) {
    return new Arguments(head, false);
  }
}
