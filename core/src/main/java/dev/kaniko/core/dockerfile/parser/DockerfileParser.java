package dev.kaniko.core.dockerfile.parser;

import dev.kaniko.core.dockerfile.DockerfileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfile text into a {@link Node} tree exactly as BuildKit's parser does: parser
 * directives, comments, line continuations, JSON and shell forms, flags and heredocs.
 */
public final class DockerfileParser {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Set<String> KNOWN_DIRECTIVES = Set.of("escape", "syntax", "check");
  private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("add", "copy", "run");

  private final String fileName;

  /** A parser whose errors name the file {@code fileName} (e.g. "Dockerfile"). */
  public DockerfileParser(String fileName) {
    this.fileName = fileName;
  }

  /** Parses the given text. */
  public ParseResult parse(String text) throws DockerfileException {
    try {
      return parse(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a Dockerfile read (and not closed) from {@code in}. */
  public ParseResult parse(Reader in) throws DockerfileException, IOException {
    Reader buffered = in instanceof BufferedReader || in instanceof StringReader
        ? in : new BufferedReader(in);
    return new Run(new LineReader(buffered)).parse();
  }

  /** The state of one parse. */
  private final class Run {
    private final LineReader lines;
    private final Map<String, String> directives = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Node> children = new ArrayList<>();
    private char escape = '\\';
    private Pattern continuation = continuationPattern('\\');
    private boolean directivesDone;
    private int currentLine;

    Run(LineReader lines) {
      this.lines = lines;
    }

    ParseResult parse() throws DockerfileException, IOException {
      List<String> comments = new ArrayList<>();
      String raw;
      while ((raw = lines.next()) != null) {
        if (currentLine == 0 && raw.startsWith("\uFEFF")) {
          raw = raw.substring(1);
        }
        String content = GoText.trimLeft(GoText.trimNewline(raw));
        if (content.startsWith("#")) {
          String comment = GoText.trim(content.substring(1));
          if (comment.isEmpty()) {
            comments.clear();
          } else {
            comments.add(comment);
          }
        }
        String processed = processLine(raw, true);
        currentLine++;
        int startLine = currentLine;
        Continuation first = trimContinuation(processed);
        if (first.endOfLine && first.text.isEmpty()) {
          continue;
        }
        String line = readContinuations(first);
        Node child = newNode(line, comments, startLine);
        child = withHeredocs(child, line, startLine);
        children.add(child);
        comments = new ArrayList<>();
      }
      if (children.isEmpty()) {
        throw new DockerfileException(fileName, currentLine, "file with no instructions");
      }
      Node root = Node.builder().children(children)
          .lines(children.get(0).startLine(), children.get(children.size() - 1).endLine())
          .build();
      return new ParseResult(fileName, root, escape, directives, warnings);
    }

    private String readContinuations(Continuation first) throws DockerfileException, IOException {
      StringBuilder line = new StringBuilder(first.text);
      boolean endOfLine = first.endOfLine;
      boolean emptyContinuation = false;
      String raw;
      while (!endOfLine && (raw = lines.next()) != null) {
        String processed = processLine(raw, false);
        currentLine++;
        if (GoText.trimLeft(GoText.trimNewline(raw)).startsWith("#")) {
          continue;
        }
        if (GoText.trimLeft(processed).isEmpty()) {
          emptyContinuation = true;
          continue;
        }
        Continuation next = trimContinuation(processed);
        line.append(next.text);
        endOfLine = next.endOfLine;
      }
      if (emptyContinuation) {
        warnings.add(fileName + ":" + currentLine + ": empty continuation line found in: " + line
            + " (empty continuation lines will become errors in a future release)");
      }
      return line.toString();
    }

    private Node newNode(String line, List<String> comments, int startLine)
        throws DockerfileException {
      try {
        return nodeFromLine(line).comments(comments).lines(startLine, currentLine).build();
      } catch (ParseError e) {
        throw new DockerfileException(fileName, startLine, e.getMessage());
      }
    }

    private Node.Builder nodeFromLine(String line) throws ParseError {
      FlagSplitter.Split split = FlagSplitter.split(line);
      Arguments args = LineParsers.dispatch(split.command(), split.args(), escape,
          sub -> nodeFromLine(sub).build());
      return Node.builder().value(split.command()).original(line).flags(split.flags())
          .next(args.head()).json(args.json());
    }

    private Node withHeredocs(Node child, String line, int startLine)
        throws DockerfileException, IOException {
      if (!canContainHeredoc(child) || !line.contains("<<")) {
        return child;
      }
      List<Heredoc> heredocs = new ArrayList<>();
      for (Heredoc opener : HeredocDetector.openers(line)) {
        heredocs.add(readHeredoc(opener, startLine));
      }
      if (heredocs.isEmpty()) {
        return child;
      }
      return Node.builder().value(child.value()).original(child.original()).flags(child.flags())
          .next(child.next()).json(child.isJson()).comments(child.comments())
          .heredocs(heredocs).lines(startLine, currentLine).build();
    }

    private Heredoc readHeredoc(Heredoc opener, int startLine)
        throws DockerfileException, IOException {
      StringBuilder content = new StringBuilder();
      String raw;
      while ((raw = lines.next()) != null) {
        currentLine++;
        String candidate = GoText.trimNewline(raw);
        if (opener.chomp()) {
          candidate = candidate.replaceFirst("^\t+", "");
        }
        if (candidate.equals(opener.name())) {
          return opener.withContent(content.toString());
        }
        content.append(raw);
      }
      throw new DockerfileException(fileName, startLine,
          "unterminated heredoc " + opener.name() + " (no line reading " + opener.name() + ")");
    }

    private boolean canContainHeredoc(Node node) {
      Node target = node;
      if (node.instruction().equals("onbuild") && node.subInstruction() != null) {
        target = node.subInstruction();
      }
      return HEREDOC_INSTRUCTIONS.contains(target.instruction()) && !target.isJson();
    }

    private String processLine(String raw, boolean stripLeft) throws DockerfileException {
      String token = GoText.trimNewline(raw);
      if (stripLeft) {
        token = GoText.trimLeft(token);
      }
      possibleDirective(token);
      return token.startsWith("#") ? "" : token;
    }

    private void possibleDirective(String token) throws DockerfileException {
      if (directivesDone) {
        return;
      }
      Matcher m = DIRECTIVE.matcher(token);
      String key = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
      if (key == null || !KNOWN_DIRECTIVES.contains(key)) {
        directivesDone = true;
        return;
      }
      int line = currentLine + 1;
      if (directives.containsKey(key)) {
        throw new DockerfileException(fileName, line, "only one " + key
            + " parser directive can be used");
      }
      String value = m.group(2);
      directives.put(key, value);
      if (key.equals("escape")) {
        setEscape(value, line);
      } else {
        warnings.add(fileName + ":" + line + ": parser directive '" + key + "=" + value
            + "' recorded and ignored: this builder uses its own Dockerfile frontend");
      }
    }

    private void setEscape(String value, int line) throws DockerfileException {
      if (!value.equals("`") && !value.equals("\\")) {
        throw new DockerfileException(fileName, line,
            "invalid escape token '" + value + "' does not match ` or \\");
      }
      escape = value.charAt(0);
      continuation = continuationPattern(escape);
    }

    private Continuation trimContinuation(String line) {
      Matcher m = continuation.matcher(line);
      if (m.find()) {
        String kept = m.group(1) == null ? "" : m.group(1);
        return new Continuation(line.substring(0, m.start()) + kept, false);
      }
      return new Continuation(line, true);
    }
  }

  private static Pattern continuationPattern(char escape) {
    String e = Pattern.quote(String.valueOf(escape));
    String notE = escape == '\\' ? "[^\\\\]" : "[^`]";
    return Pattern.compile("(" + notE + ")" + e + "[ \\t]*\\z|^" + e + "[ \\t]*\\z");
  }

  private record Continuation(String text, boolean endOfLine) {}
}
