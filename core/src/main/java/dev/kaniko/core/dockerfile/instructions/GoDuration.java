package dev.kaniko.core.dockerfile.instructions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations in Go's {@code time.ParseDuration} syntax, e.g. {@code 1h30m}, {@code 2.5s}. */
final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
      "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L,
      "h", 3_600_000_000_000L);

  private GoDuration() {}

  static Duration parse(String text) throws InstructionException {
    String s = text;
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    int pos = 0;
    while (pos < s.length() && m.find(pos) && m.start() == pos) {
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
      pos = m.end();
    }
    if (s.isEmpty() || pos != s.length()) {
      throw new InstructionException("time: invalid duration \"" + text + "\"");
    }
    long total = nanos.longValue();
    return Duration.ofNanos(negative ? -total : total);
  }
}
