package dev.kaniko.core.copy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The context's {@code .dockerignore} (docker's rules): one pattern per line, {@code #} comments,
 * {@code !} exceptions, {@code **} for any number of directories; a pattern also excludes
 * everything below what it matches; the last matching pattern wins.
 */
public final class DockerIgnore implements Predicate<String> {
  private record Rule(Pattern pattern, boolean exception) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No exclusions. */
  public static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /** Reads {@code <context>/.dockerignore} if there is one. */
  public static DockerIgnore load(Path context) throws IOException {
    Path file = context.resolve(".dockerignore");
    if (!Files.isRegularFile(file)) {
      return none();
    }
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads {@code <Dockerfile>.dockerignore} next to the Dockerfile when there is one (BuildKit's
   * per-Dockerfile ignore file, which then replaces the context's), else the context's.
   */
  public static DockerIgnore load(Path context, Path dockerfile) throws IOException {
    Path own = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
    if (Files.isRegularFile(own)) {
      return parse(Files.readAllLines(own, StandardCharsets.UTF_8));
    }
    return load(context);
  }

  /** Parses the lines of a {@code .dockerignore}. */
  public static DockerIgnore parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exception = line.startsWith("!");
      String pattern = clean(exception ? line.substring(1).trim() : line);
      if (!pattern.isEmpty()) {
        rules.add(new Rule(Pattern.compile(regex(pattern)), exception));
      }
    }
    return new DockerIgnore(rules);
  }

  /** Whether there are exception ({@code !}) patterns: excluded directories must then be entered. */
  public boolean hasExceptions() {
    return rules.stream().anyMatch(Rule::exception);
  }

  /** Whether the context-relative path {@code path} is excluded. */
  @Override
  public boolean test(String path) {
    String p = clean(path);
    if (p.isEmpty() || rules.isEmpty()) {
      return false;
    }
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesOrParentMatches(rule.pattern(), p)) {
        excluded = !rule.exception();
      }
    }
    return excluded;
  }

  private static boolean matchesOrParentMatches(Pattern pattern, String path) {
    if (pattern.matcher(path).matches()) {
      return true;
    }
    for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
      if (pattern.matcher(path.substring(0, i)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String clean(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(s);
      }
    }
    return String.join("/", parts);
  }

  private static String regex(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
          i++;
          re.append("(?:.*/)?");
        } else {
          re.append(".*");
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '[') {
        int end = pattern.indexOf(']', i + 2);
        if (end < 0) {
          re.append("\\[");
        } else {
          String body = pattern.substring(i + 1, end);
          re.append('[').append(body.startsWith("^") || body.startsWith("!")
              ? "^" + body.substring(1).replace("\\", "\\\\")
              : body.replace("\\", "\\\\")).append(']');
          i = end;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
