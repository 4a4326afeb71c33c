package dev.kaniko.core.copy;

/** A {@code --chmod} value: octal permission bits (setuid, setgid and sticky included). */
public record FileMode(int bits) {
  /** Parses octal text such as {@code 755} or {@code 0644}. */
  public static FileMode parse(String text) {
    if (!text.matches("[0-7]{1,4}")) {
      throw new IllegalArgumentException("invalid --chmod " + text
          + ": only octal modes are supported (e.g. 0755)");
    }
    return new FileMode(Integer.parseInt(text, 8));
  }
}
