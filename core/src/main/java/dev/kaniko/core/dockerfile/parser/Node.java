package dev.kaniko.core.dockerfile.parser;

import dev.kaniko.core.dockerfile.shell.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the Dockerfile parse tree, shaped like BuildKit's: an instruction node holds its
 * name, flags and a chain of argument nodes ({@link #next()}); ONBUILD's argument has a child.
 */
public final class Node {
  private final String value;
  private final Node next;
  private final List<Node> children;
  private final List<Heredoc> heredocs;
  private final boolean json;
  private final String original;
  private final List<String> flags;
  private final int startLine;
  private final int endLine;
  private final List<String> comments;

  private Node(Builder b) {
    this.value = b.value;
    this.next = b.next;
    this.children = List.copyOf(b.children);
    this.heredocs = List.copyOf(b.heredocs);
    this.json = b.json;
    this.original = b.original;
    this.flags = List.copyOf(b.flags);
    this.startLine = b.startLine;
    this.endLine = b.endLine;
    this.comments = List.copyOf(b.comments);
  }

  static Builder builder() {
    return new Builder();
  }

  /** A plain argument node chain built from the given values. */
  static Node chain(List<String> values) {
    Node head = null;
    for (int i = values.size() - 1; i >= 0; i--) {
      head = builder().value(values.get(i)).next(head).build();
    }
    return head;
  }

  /** The instruction name as written (case kept), or an argument's value. */
  public String value() {
    return value;
  }

  /** The next argument in this chain, or null. */
  public Node next() {
    return next;
  }

  /** Sub-instructions (the root's instructions; ONBUILD's trigger). */
  public List<Node> children() {
    return children;
  }

  /** Here-documents read after this instruction. */
  public List<Heredoc> heredocs() {
    return heredocs;
  }

  /** True when the arguments were given as a JSON array (exec form). */
  public boolean isJson() {
    return json;
  }

  /** The logical line (continuations joined) this instruction was parsed from. */
  public String original() {
    return original;
  }

  /** Flags such as {@code --from=build}, as written before the arguments. */
  public List<String> flags() {
    return flags;
  }

  /** The 1-based first line of this instruction. */
  public int startLine() {
    return startLine;
  }

  /** The 1-based last line of this instruction, including continuations and heredocs. */
  public int endLine() {
    return endLine;
  }

  /** Comment lines directly above this instruction. */
  public List<String> comments() {
    return comments;
  }

  /** Lower-case instruction name. */
  public String instruction() {
    return value.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The argument strings of an instruction node, as BuildKit's instruction parser sees them; an
   * ONBUILD trigger contributes its instruction name followed by its dump.
   */
  public List<String> args() {
    List<String> result = new ArrayList<>();
    for (Node n = next; n != null; n = n.next) {
      if (n.children.isEmpty()) {
        result.add(n.value);
      } else if (n.children.size() == 1) {
        result.add(n.children.get(0).value);
        result.add(n.children.get(0).dump());
      }
    }
    return result;
  }

  /** The ONBUILD trigger node, or null for other instructions. */
  public Node subInstruction() {
    for (Node n = next; n != null; n = n.next) {
      if (n.children.size() == 1) {
        return n.children.get(0);
      }
    }
    return null;
  }

  /** A copy of this instruction node reporting the given lines (ONBUILD triggers use the FROM's). */
  public Node withLines(int start, int end) {
    return new Builder().value(value).next(next).children(children).heredocs(heredocs).json(json)
        .original(original).flags(flags).lines(start, end).comments(comments).build();
  }

  /** This node in BuildKit's s-expression dump format. */
  public String dump() {
    StringBuilder str = new StringBuilder(value.toLowerCase(java.util.Locale.ROOT));
    if (!flags.isEmpty()) {
      str.append(" [");
      for (int i = 0; i < flags.size(); i++) {
        str.append(i == 0 ? "" : " ").append(GoQuote.quote(flags.get(i)));
      }
      str.append(']');
    }
    for (Node child : children) {
      str.append('(').append(child.dump()).append(")\n");
    }
    for (Node n = next; n != null; n = n.next) {
      str.append(' ').append(n.children.isEmpty() ? GoQuote.quote(n.value) : n.dump());
    }
    return str.toString().strip();
  }

  @Override
  public String toString() {
    return dump();
  }

  /** Builds nodes; package-private so only the parser makes them. */
  static final class Builder {
    private String value = "";
    private Node next;
    private List<Node> children = new ArrayList<>();
    private List<Heredoc> heredocs = new ArrayList<>();
    private boolean json;
    private String original = "";
    private List<String> flags = new ArrayList<>();
    private int startLine;
    private int endLine;
    private List<String> comments = new ArrayList<>();

    Builder value(String v) {
      this.value = v;
      return this;
    }

    Builder next(Node n) {
      this.next = n;
      return this;
    }

    Builder children(List<Node> c) {
      this.children = new ArrayList<>(c);
      return this;
    }

    Builder heredocs(List<Heredoc> h) {
      this.heredocs = new ArrayList<>(h);
      return this;
    }

    Builder json(boolean j) {
      this.json = j;
      return this;
    }

    Builder original(String o) {
      this.original = o;
      return this;
    }

    Builder flags(List<String> f) {
      this.flags = new ArrayList<>(f);
      return this;
    }

    Builder lines(int start, int end) {
      this.startLine = start;
      this.endLine = end;
      return this;
    }

    Builder comments(List<String> c) {
      this.comments = new ArrayList<>(c);
      return this;
    }

    Node build() {
      return new Node(this);
    }
  }
}
