package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void advance_movesTheClockByExactlyTheDuration_andTimeStandsStillOtherwise() {
    MutableClock clock = new MutableClock();
    Instant start = clock.instant();

    clock.advance(Duration.ofMinutes(5));

    assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(5)));
    assertThat(clock.instant()).isEqualTo(clock.instant());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.withZone(ZoneId.of("Europe/Paris"))).isSameAs(clock);
  }
}
