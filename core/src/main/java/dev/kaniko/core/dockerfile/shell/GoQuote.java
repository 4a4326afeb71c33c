package dev.kaniko.core.dockerfile.shell;

/** Quotes a string the way Go's {@code %q} / {@code strconv.Quote} do (BuildKit's error messages and dump format). */
public final class GoQuote {
  private GoQuote() {}

  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(ch -> appendQuoted(out, ch));
    return out.append('"').toString();
  }

  private static void appendQuoted(StringBuilder out, int ch) {
    switch (ch) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0B -> out.append("\\v");
      default -> appendOther(out, ch);
    }
  }

  private static void appendOther(StringBuilder out, int ch) {
    if (ch < 0x20 || ch == 0x7F) {
      out.append(String.format("\\x%02x", ch));
    } else if (isPrintable(ch)) {
      out.appendCodePoint(ch);
    } else if (ch <= 0xFFFF) {
      out.append(String.format("\\u%04x", ch));
    } else {
      out.append(String.format("\\U%08x", ch));
    }
  }

  private static boolean isPrintable(int ch) {
    if (ch == ' ') {
      return true;
    }
    int type = Character.getType(ch);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.UNASSIGNED
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.SPACE_SEPARATOR
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR;
  }
}
