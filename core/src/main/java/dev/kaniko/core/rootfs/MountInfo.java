package dev.kaniko.core.rootfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mount points read from a {@code /proc/self/mountinfo} file (field 5, octal escapes decoded). */
public final class MountInfo {
  private MountInfo() {}

  /** The mount points of the running process. */
  public static List<String> mountPoints() {
    return mountPoints(Path.of("/proc/self/mountinfo"));
  }

  public static List<String> mountPoints(Path mountinfo) {
    try (var lines = Files.lines(mountinfo)) {
      return parse(lines.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + mountinfo, e);
    }
  }

  static List<String> parse(List<String> lines) {
    List<String> points = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (fields.length > 4) {
        points.add(unescape(fields[4]));
      }
    }
    return points;
  }

  /** The kernel writes space, tab, newline and backslash as {@code \ooo}. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }
}
