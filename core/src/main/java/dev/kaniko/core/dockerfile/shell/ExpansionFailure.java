package dev.kaniko.core.dockerfile.shell;

/** Internal signal that expansion failed; {@link ShellLexer} turns it into a ShellExpansionException. */
final class ExpansionFailure extends Exception {
  private static final long serialVersionUID = 1L;

  ExpansionFailure(String reason) {
    super(reason, null, false, false);
  }
}
