package dev.kaniko.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/** One running {@code docker-registry serve CONFIG} process, its output appended to a log file. */
final class RegistryProcess {

  private static final String BINARY = "docker-registry";
  private static final Duration PING_TIMEOUT = Duration.ofMillis(500);
  private static final long POLL_MILLIS = 15;

  private final Process process;
  private final Path logFile;
  private final long logMark;
  private final Thread shutdownHook;

  private RegistryProcess(Process process, Path logFile, long logMark) {
    this.process = process;
    this.logFile = logFile;
    this.logMark = logMark;
    this.shutdownHook = new Thread(() -> ProcessTrees.kill(process), "stop-test-registry");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts the registry; a JVM shutdown hook kills it should the test run die before {@link #kill()}. */
  static RegistryProcess launch(Path configFile, Path logFile) {
    return launch(BINARY, configFile, logFile);
  }

  /** Seam for tests: runs {@code binary serve configFile}. */
  static RegistryProcess launch(String binary, Path configFile, Path logFile) {
    long mark = new RegistryLog(logFile).mark();
    ProcessBuilder builder = new ProcessBuilder(binary, "serve", configFile.toString())
        .directory(configFile.getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    // REGISTRY_* variables override the config file; keep the test registry hermetic
    builder.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_"));
    try {
      return new RegistryProcess(builder.start(), logFile, mark);
    } catch (IOException e) {
      throw new RegistryStartException("cannot run " + binary + " (" + e.getMessage()
          + "); install it with scripts/install-test-deps.sh", false);
    }
  }

  /**
   * Polls {@code GET url/v2/} until it answers 200 or 401. On failure the process is killed and the
   * exception names {@code what}, the reason and the log tail (passed through {@code mask}).
   */
  void awaitReady(String what, String url, SSLContext ssl, Duration timeout, UnaryOperator<String> mask) {
    HttpClient.Builder clientBuilder = HttpClient.newBuilder().connectTimeout(PING_TIMEOUT);
    if (ssl != null) {
      clientBuilder.sslContext(ssl);
    }
    HttpClient client = clientBuilder.build();
    HttpRequest ping = HttpRequest.newBuilder(URI.create(url + "/v2/")).timeout(PING_TIMEOUT).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastError = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failed(what + " exited with code " + process.exitValue(), mask);
      }
      try {
        int status = client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
        lastError = "GET /v2/ answered " + status;
      } catch (ConnectException e) {
        lastError = "connection refused";
      } catch (IOException e) {
        lastError = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed("interrupted while starting " + what, mask);
      }
      sleep();
    }
    throw failed(what + " did not answer GET /v2/ within " + timeout.toSeconds() + "s (" + lastError + ")", mask);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the process tree and drops the shutdown hook. */
  void kill() {
    ProcessTrees.kill(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
  }

  long pid() {
    return process.pid();
  }

  private RegistryStartException failed(String why, UnaryOperator<String> mask) {
    kill();
    List<String> newLines = new RegistryLog(logFile).lines().stream().skip(logMark).toList();
    String tail = String.join("\n", newLines.subList(Math.max(0, newLines.size() - 20), newLines.size()));
    return new RegistryStartException(why + "; log " + logFile + " ends with:\n" + mask.apply(tail),
        tail.contains("address already in use"));
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The registry could not be started; the message carries the port and the log tail. */
  static final class RegistryStartException extends IllegalStateException {
    private final transient boolean portTaken;

    RegistryStartException(String message, boolean portTaken) {
      super(message);
      this.portTaken = portTaken;
    }

    boolean portTaken() {
      return portTaken;
    }
  }
}
