package dev.kaniko.core.registry;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries transient registry failures ({@link RegistryException#isTransient()}) with doubling back-off. */
public final class Retry {

  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
  private static final Duration MAX_DELAY = Duration.ofSeconds(30);

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code delay}. */
    void sleep(Duration delay) throws InterruptedException;
  }

  /** One attempt of an operation. */
  @FunctionalInterface
  public interface Attempt<T> {
    /** Runs the operation once. */
    T run() throws RegistryException;
  }

  private final int retries;
  private final Duration initialDelay;
  private final Sleeper sleeper;

  /** Creates a policy of {@code retries} retries after the first attempt. */
  public Retry(int retries, Duration initialDelay, Sleeper sleeper) {
    this.retries = retries;
    this.initialDelay = initialDelay;
    this.sleeper = sleeper;
  }

  /** Runs {@code attempt}, retrying transient failures; the last failure is thrown. */
  public <T> T run(String what, Attempt<T> attempt) throws RegistryException {
    Duration delay = initialDelay;
    for (int tried = 0; ; tried++) {
      try {
        return attempt.run();
      } catch (RegistryException e) {
        if (!e.isTransient() || tried >= retries) {
          throw e;
        }
        LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}", what, tried + 1, retries + 1,
            delay.toMillis(), e.getMessage());
        pause(delay, e);
        delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
      }
    }
  }

  private void pause(Duration delay, RegistryException pending) throws RegistryException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw pending;
    }
  }
}
