package dev.kaniko.core.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Go's {@code time.ParseDuration} syntax ({@code 336h}, {@code 1h30m}, {@code 1.5s}, {@code 0}). */
public final class GoDuration {
  private static final Pattern COMPONENT =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * Parses {@code text} as a Go duration.
   *
   * @throws IllegalArgumentException with a one-line message when the text is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid(text);
    }
    String body = text;
    boolean negative = false;
    if (body.charAt(0) == '-' || body.charAt(0) == '+') {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    if (body.equals("0")) {
      return Duration.ZERO;
    }
    if (body.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher matcher = COMPONENT.matcher(body);
    int position = 0;
    while (position < body.length()) {
      if (!matcher.find(position) || matcher.start() != position) {
        throw invalid(text);
      }
      BigDecimal amount = new BigDecimal(matcher.group(1).startsWith(".")
          ? "0" + matcher.group(1) : stripTrailingDot(matcher.group(1)));
      nanos = nanos.add(amount.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(matcher.group(2)))));
      position = matcher.end();
    }
    long total;
    try {
      total = nanos.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration out of range: " + text);
    }
    Duration duration = Duration.ofNanos(total);
    return negative ? duration.negated() : duration;
  }

  private static String stripTrailingDot(String number) {
    return number.endsWith(".") ? number.substring(0, number.length() - 1) : number;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid duration '" + text + "' (expected e.g. 336h, 1h30m, 90s)");
  }
}
