package dev.kaniko.core.dockerfile.shell;

/**
 * A word could not be expanded (bad substitution, unterminated quote, {@code ${VAR:?msg}} on an
 * unset variable...). The message reads like BuildKit's: {@code failed to process "WORD": REASON}.
 */
public final class ShellExpansionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String word;
  private final String reason;

  /**
   * @param word the unexpanded word, as written in the Dockerfile
   * @param reason why it failed, e.g. {@code VAR: is not allowed to be unset}
   */
  public ShellExpansionException(String word, String reason) {
    super("failed to process " + GoQuote.quote(word) + ": " + reason);
    this.word = word;
    this.reason = reason;
  }

  /** The unexpanded word that failed. */
  public String word() {
    return word;
  }

  /** The failure alone, without the {@code failed to process "WORD": } prefix. */
  public String reason() {
    return reason;
  }
}
