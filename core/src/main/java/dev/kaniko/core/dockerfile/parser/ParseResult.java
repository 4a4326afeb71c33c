package dev.kaniko.core.dockerfile.parser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Dockerfile: the root node (one child per instruction), the escape character, the
 * parser directives found at the top ({@code escape}, {@code syntax}, {@code check}) and notices.
 */
public record ParseResult(
    String fileName, Node root, char escapeToken, Map<String, String> directives,
    List<String> warnings) {

  public ParseResult {
    directives = Map.copyOf(directives);
    warnings = List.copyOf(warnings);
  }

  /** The instruction nodes in file order. */
  public List<Node> instructions() {
    return root.children();
  }

  /** The value of the {@code # syntax=} directive, if any (recorded, never acted upon). */
  public Optional<String> syntax() {
    return Optional.ofNullable(directives.get("syntax"));
  }

  /** The value of the {@code # check=} directive, if any. */
  public Optional<String> check() {
    return Optional.ofNullable(directives.get("check"));
  }

  /** The whole tree in BuildKit's dump format, one line per instruction, newline-terminated. */
  public String dump() {
    return root.dump() + "\n";
  }
}
