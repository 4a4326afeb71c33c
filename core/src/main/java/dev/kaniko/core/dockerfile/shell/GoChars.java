package dev.kaniko.core.dockerfile.shell;

/** Go's {@code unicode.IsSpace/IsLetter/IsDigit}, which differ from Java's at the edges. */
public final class GoChars {
  private GoChars() {}

  /** Go's IsSpace: the Unicode White_Space property (includes NBSP, unlike Java's isWhitespace). */
  public static boolean isSpace(int ch) {
    switch (ch) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000:
        return true;
      default:
        return ch >= 0x2000 && ch <= 0x200A;
    }
  }

  /** Go's IsLetter: general category L. */
  static boolean isLetter(int ch) {
    return ch >= 0 && Character.isLetter(ch);
  }

  /** Go's IsDigit: general category Nd. */
  static boolean isDigit(int ch) {
    return ch >= 0 && Character.isDigit(ch);
  }
}
