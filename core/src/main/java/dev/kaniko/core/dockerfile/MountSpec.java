package dev.kaniko.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the fields of a {@code RUN --mount} value (CSV of key=value) that the planner needs. */
public final class MountSpec {
  private static final Set<String> TYPES_WITHOUT_SOURCE = Set.of("secret", "ssh", "tmpfs");

  private MountSpec() {}

  /** The stage or image named by {@code from=}, for mount types that read from one. */
  static Optional<String> from(String mount) {
    String type = "bind";
    String from = null;
    for (String field : fields(mount)) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = field.substring(eq + 1);
      if (key.equals("type")) {
        type = value.toLowerCase(Locale.ROOT);
      } else if (key.equals("from")) {
        from = value;
      }
    }
    if (from == null || from.isEmpty() || TYPES_WITHOUT_SOURCE.contains(type)) {
      return Optional.empty();
    }
    return Optional.of(from);
  }

  /** Splits on commas outside double quotes (quotes removed), like Go's csv reader. */
  public static List<String> fields(String csv) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
