package dev.kaniko.core.copy;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --chmod} value: octal bits ({@code 0755}, setuid/setgid/sticky included) or chmod(1)
 * symbolic clauses ({@code u=rwx,g=rx,o=}, {@code +x}, {@code a-w}, {@code g+s}, {@code +X}).
 */
public final class FileMode {
  private static final int USER = 04700;
  private static final int GROUP = 02070;
  private static final int OTHER = 01007;

  private final String text;
  private final int octal;
  private final List<Clause> clauses;

  private FileMode(String text, int octal, List<Clause> clauses) {
    this.text = text;
    this.octal = octal;
    this.clauses = clauses;
  }

  /** Parses an octal or symbolic mode; a bad mode is an {@link IllegalArgumentException}. */
  public static FileMode parse(String text) {
    if (text.matches("[0-7]{1,4}")) {
      return new FileMode(text, Integer.parseInt(text, 8), List.of());
    }
    List<Clause> clauses = new ArrayList<>();
    for (String clause : text.split(",", -1)) {
      clauses.add(Clause.parse(clause, text));
    }
    return new FileMode(text, -1, List.copyOf(clauses));
  }

  /** An octal mode. */
  public static FileMode of(int bits) {
    return new FileMode(Integer.toOctalString(bits), bits & 07777, List.of());
  }

  /**
   * The 12 mode bits a file gets whose current bits are {@code current}; {@code X} adds execute
   * only to directories and to files already executable by someone.
   */
  public int apply(int current, boolean directory) {
    if (octal >= 0) {
      return octal;
    }
    int mode = current & 07777;
    for (Clause clause : clauses) {
      mode = clause.apply(mode, directory);
    }
    return mode;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileMode m && m.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  /** One comma-separated clause: who letters, then one or more operator/permission actions. */
  private record Clause(int who, List<Action> actions) {
    static Clause parse(String clause, String text) {
      int i = 0;
      int who = 0;
      while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
        who |= switch (clause.charAt(i)) {
          case 'u' -> USER;
          case 'g' -> GROUP;
          case 'o' -> OTHER;
          default -> USER | GROUP | OTHER;
        };
        i++;
      }
      List<Action> actions = new ArrayList<>();
      while (i < clause.length()) {
        char op = clause.charAt(i++);
        if ("+-=".indexOf(op) < 0) {
          throw invalid(text);
        }
        int start = i;
        while (i < clause.length() && "+-=".indexOf(clause.charAt(i)) < 0) {
          i++;
        }
        actions.add(Action.parse(op, clause.substring(start, i), text));
      }
      if (actions.isEmpty()) {
        throw invalid(text);
      }
      return new Clause(who == 0 ? USER | GROUP | OTHER : who, List.copyOf(actions));
    }

    int apply(int mode, boolean directory) {
      for (Action action : actions) {
        mode = action.apply(mode, who, directory);
      }
      return mode;
    }
  }

  /** {@code +perms}, {@code -perms} or {@code =perms}; perms are rwxXst or one of u, g, o. */
  private record Action(char op, String perms) {
    static Action parse(char op, String perms, String text) {
      if (!perms.matches("[rwxXst]*|[ugo]")) {
        throw invalid(text);
      }
      return new Action(op, perms);
    }

    int apply(int mode, int who, boolean directory) {
      int bits = bits(mode, directory) & who;
      return switch (op) {
        case '+' -> mode | bits;
        case '-' -> mode & ~bits;
        default -> (mode & ~who) | bits; // the who's rwx and special bits are replaced
      };
    }

    private int bits(int mode, boolean directory) {
      if (perms.length() == 1 && "ugo".contains(perms)) {
        int shift = switch (perms.charAt(0)) {
          case 'u' -> 6;
          case 'g' -> 3;
          default -> 0;
        };
        int rwx = (mode >> shift) & 7;
        return rwx << 6 | rwx << 3 | rwx;
      }
      int bits = 0;
      for (char c : perms.toCharArray()) {
        bits |= switch (c) {
          case 'r' -> 0444;
          case 'w' -> 0222;
          case 'x' -> 0111;
          case 'X' -> directory || (mode & 0111) != 0 ? 0111 : 0;
          case 's' -> 06000;
          default -> 01000; // t
        };
      }
      return bits;
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid --chmod " + text
        + ": expected an octal mode (0755) or symbolic clauses like u=rwx,g=rx,o= or +x");
  }
}
