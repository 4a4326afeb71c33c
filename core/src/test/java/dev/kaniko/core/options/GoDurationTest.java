package dev.kaniko.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "336h, PT336H",
    "1h30m, PT1H30M",
    "90s, PT1M30S",
    "0, PT0S",
    "1.5h, PT1H30M",
    "2h45m30.5s, PT2H45M30.5S",
    "300ms, PT0.3S",
    "10us, PT0.00001S",
    "7ns, PT0.000000007S",
    "-1m, PT-1M",
    "+5s, PT5S",
    ".5s, PT0.5S"
  })
  void parse_acceptsGoSyntax(String text, String expected) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "h", "10", "1d", "1h30", "abc", "1 h", "-", "1h-30m"})
  void parse_rejectsNonDurations(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid duration '" + text + "'");
  }
}
