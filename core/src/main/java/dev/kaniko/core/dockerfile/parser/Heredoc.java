package dev.kaniko.core.dockerfile.parser;

/**
 * A here-document attached to an instruction ({@code <<EOF ... EOF}).
 *
 * @param name the delimiter word with quotes removed
 * @param fileDescriptor the number before {@code <<} (0 when absent)
 * @param expand false when any part of the delimiter was quoted (content is then used verbatim)
 * @param chomp true for {@code <<-}: leading tabs are stripped from the content
 * @param content the raw lines between the instruction and the delimiter, line endings kept
 */
public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chomp, String content) {

  /** A heredoc on file descriptor 0 whose content is used as given (e.g. already expanded). */
  public Heredoc(String name, String content, boolean chomp) {
    this(name, 0, true, chomp, content);
  }

  /** The content with leading tabs removed from every line when {@link #chomp()} is set. */
  public String effectiveContent() {
    return chomp ? chompContent(content) : content;
  }

  /** Removes the leading tabs of every line. */
  public static String chompContent(String text) {
    return text.replaceAll("(?m)^\t+", "");
  }

  /** Parses a word such as {@code <<-"EOF"} as a heredoc opener (empty content); empty if it is not one. */
  public static java.util.Optional<Heredoc> parseOpener(String word) {
    return HeredocDetector.parse(word);
  }

  Heredoc withContent(String newContent) {
    return new Heredoc(name, fileDescriptor, expand, chomp, newContent);
  }
}
