package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

  private final List<Duration> sleeps = new ArrayList<>();

  @Test
  void run_retriesTransientFailuresWithDoublingBackoff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = new Retry(3, Duration.ofSeconds(1), sleeps::add);

    String result = retry.run("op", () -> {
      if (calls.incrementAndGet() < 3) {
        throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "down");
      }
      return "ok";
    });

    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void run_givesUpAfterTheRetriesAndThrowsTheLastFailure() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = new Retry(2, Duration.ofMillis(1), sleeps::add);

    assertThatThrownBy(() -> retry.run("op", () -> {
      throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "down " + calls.incrementAndGet());
    })).hasMessage("down 3");
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void run_neverRetriesAuthOrNotFound() {
    for (RegistryException.Kind kind : List.of(RegistryException.Kind.UNAUTHORIZED, RegistryException.Kind.NOT_FOUND,
        RegistryException.Kind.DIGEST_MISMATCH)) {
      AtomicInteger calls = new AtomicInteger();
      Retry retry = new Retry(5, Duration.ofMillis(1), sleeps::add);

      assertThatThrownBy(() -> retry.run("op", () -> {
        calls.incrementAndGet();
        throw new RegistryException(kind, "no");
      })).isInstanceOf(RegistryException.class);
      assertThat(calls).as(kind.name()).hasValue(1);
    }
    assertThat(sleeps).isEmpty();
  }

  @Test
  void run_backoffIsCappedAtThirtySeconds() {
    Retry retry = new Retry(7, Duration.ofSeconds(8), sleeps::add);

    assertThatThrownBy(() -> retry.run("op", () -> {
      throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "down");
    })).isInstanceOf(RegistryException.class);
    assertThat(sleeps).extracting(Duration::getSeconds).containsExactly(8L, 16L, 30L, 30L, 30L, 30L, 30L);
  }
}
