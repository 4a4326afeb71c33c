package dev.kaniko.core.build;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push permission check, run in a thread of its own while the build parses the Dockerfile and
 * pulls its bases; {@link #await} joins it before anything is built (kaniko's "fail before
 * building"), and a refused check wins over any later failure of the build.
 */
final class PushCheck {
  private static final Logger LOG = LoggerFactory.getLogger(PushCheck.class);

  private final Optional<PushStep> push;
  private final CompletableFuture<Void> checked;

  private PushCheck(Optional<PushStep> push, CompletableFuture<Void> checked) {
    this.push = push;
    this.checked = checked;
  }

  /** No push (--no-push): nothing to check. */
  static PushCheck none() {
    return new PushCheck(Optional.empty(), CompletableFuture.completedFuture(null));
  }

  /** Starts checking {@code push}'s permissions in a daemon thread, timed in {@code timings}. */
  static PushCheck start(PushStep push, BuildTimings timings) {
    CompletableFuture<Void> checked = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      long start = System.nanoTime();
      try {
        push.checkPermissions();
        checked.complete(null);
      } catch (BuildException | RuntimeException | Error e) {
        checked.completeExceptionally(e);
      } finally {
        timings.add(BuildTimings.PUSH_CHECK, System.nanoTime() - start);
      }
    }, "kaniko-push-check");
    thread.setDaemon(true);
    thread.start();
    return new PushCheck(Optional.of(push), checked);
  }

  /** Waits for the check; the push to do once built (none with --no-push), or the refusal. */
  Optional<PushStep> await() throws BuildException {
    Optional<Throwable> refusal = failure();
    if (refusal.isPresent()) {
      throw rethrowable(refusal.get());
    }
    return push;
  }

  /**
   * {@code failed}, or the check's own failure when the check was refused too (it would have
   * stopped the build first when run up front): waits for the check.
   */
  <E extends Exception> Exception preferRefusal(E failed) {
    Optional<Throwable> refusal = failure();
    if (refusal.isEmpty() || refusal.get() == failed) {
      return failed;
    }
    LOG.debug("the build also failed while the push permission check ran: {}", failed.toString());
    refusal.get().addSuppressed(failed);
    return refusal.get() instanceof Exception e ? e : failed;
  }

  private Optional<Throwable> failure() {
    try {
      checked.get();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new BuildException("interrupted while checking push permissions"));
    }
  }

  private static BuildException rethrowable(Throwable failure) {
    if (failure instanceof BuildException e) {
      return e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new BuildException(failure.getMessage(), failure);
  }
}
