package dev.kaniko.core.run;

import java.util.Objects;

/**
 * A here-document attached to a RUN instruction, as the Dockerfile parser read it.
 *
 * @param name the delimiter word, unquoted ({@code EOF})
 * @param content the body, each line ending with a newline, tabs not yet stripped
 * @param chomp whether it was written {@code <<-} (leading tabs are stripped)
 */
public record Heredoc(String name, String content, boolean chomp) {
  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("invalid heredoc name: '" + name + "'");
    }
  }

  /** The body with leading tabs removed from every line when {@link #chomp} is set (BuildKit's rule). */
  public String effectiveContent() {
    return chomp ? content.replaceAll("(?m)^\t+", "") : content;
  }
}
