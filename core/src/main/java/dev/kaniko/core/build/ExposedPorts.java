package dev.kaniko.core.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses one EXPOSE word ({@code 80}, {@code 53/udp}, {@code 8000-8002/tcp}) into port keys. */
final class ExposedPorts {
  private ExposedPorts() {}

  /**
   * The {@code port/proto} keys the word stands for.
   *
   * @throws IllegalArgumentException for a malformed port, range or protocol
   */
  static List<String> parse(String word) {
    int slash = word.indexOf('/');
    String ports = slash < 0 ? word : word.substring(0, slash);
    String proto = slash < 0 ? "tcp" : word.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw new IllegalArgumentException("invalid protocol in EXPOSE " + word);
    }
    int dash = ports.indexOf('-');
    int first = port(dash < 0 ? ports : ports.substring(0, dash), word);
    int last = dash < 0 ? first : port(ports.substring(dash + 1), word);
    if (last < first) {
      throw new IllegalArgumentException("invalid port range in EXPOSE " + word);
    }
    List<String> keys = new ArrayList<>();
    for (int p = first; p <= last; p++) {
      keys.add(p + "/" + proto);
    }
    return keys;
  }

  private static int port(String text, String word) {
    if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 65535) {
      throw new IllegalArgumentException("invalid port in EXPOSE " + word);
    }
    return Integer.parseInt(text);
  }
}
