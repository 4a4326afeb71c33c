package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code docker-registry} (CNCF distribution) on a free 127.0.0.1 port, with its own storage, config
 * and log, for one test class ({@code static} field) or one test method (instance field).
 *
 * <pre>{@code @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();}</pre>
 */
public final class RegistryExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final String BINARY = "docker-registry";

  private final boolean tls;
  private final String username;
  private final String password;
  private final CommandRunner runner;

  private Path workDir;
  private TestCertificates certificates;
  private int port;
  private Process process;
  private Thread shutdownHook;
  private boolean classScoped;

  private RegistryExtension(boolean tls, String username, String password) {
    this.tls = tls;
    this.username = username;
    this.password = password;
    this.runner = CommandRunner.create().masking(password);
  }

  /** Plain HTTP, anonymous access. */
  public static RegistryExtension plain() {
    return new RegistryExtension(false, null, null);
  }

  /** HTTPS with a fresh self-signed CA, basic auth for user {@code kaniko} with a random password. */
  public static RegistryExtension tlsWithAuth() {
    return tlsWithAuth("kaniko", "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)));
  }

  /** HTTPS with a fresh self-signed CA, basic auth with these credentials. */
  public static RegistryExtension tlsWithAuth(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    return new RegistryExtension(true, username, password);
  }

  /** HTTPS with a fresh self-signed CA, anonymous access. */
  public static RegistryExtension tlsOnly() {
    return new RegistryExtension(true, null, null);
  }

  // ---- JUnit lifecycle ----

  @Override
  public void beforeAll(ExtensionContext context) {
    classScoped = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!isRunning()) {
      start(); // a per-method registry, or a class registry a previous test stopped
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!classScoped) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  // ---- lifecycle ----

  /**
   * Starts the registry (again) and waits until {@code GET /v2/} answers. A restart keeps the port, the
   * storage (pushed images survive), the certificates and the log.
   */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    boolean firstStart = workDir == null;
    if (firstStart) {
      prepare();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        launchAndAwait();
        return;
      } catch (RegistryStartException e) {
        if (!(firstStart && e.portTaken && attempt < 3)) {
          throw e;
        }
        port = FreePort.onLoopback(); // lost the race for the port: pick another one
        writeConfig();
      }
    }
  }

  /** Stops the registry process (the whole process tree); storage and log stay for a later {@link #start()}. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    ProcessTrees.kill(process);
    process = null;
    removeShutdownHook();
  }

  /** Stops the registry and deletes its storage, certificates and log. */
  @Override
  public synchronized void close() {
    stop();
    if (workDir != null) {
      TempDirs.deleteRecursively(workDir);
      workDir = null;
      certificates = null;
    }
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  // ---- what tests use ----

  /** {@code 127.0.0.1:PORT}. */
  public String host() {
    requireStarted();
    return "127.0.0.1:" + port;
  }

  public int port() {
    requireStarted();
    return port;
  }

  /** {@code http://127.0.0.1:PORT} or {@code https://127.0.0.1:PORT}. */
  public String url() {
    return (tls ? "https://" : "http://") + host();
  }

  /** {@code 127.0.0.1:PORT/<repoAndTag>}, e.g. {@code reference("app:1")}. */
  public String reference(String repoAndTag) {
    return host() + "/" + repoAndTag;
  }

  public boolean isTls() {
    return tls;
  }

  public boolean requiresAuth() {
    return username != null;
  }

  /** The PEM certificate of the CA that signed the registry's certificate. */
  public Path caCert() {
    requireStarted();
    if (certificates == null) {
      throw new IllegalStateException("this registry speaks plain HTTP: it has no CA certificate");
    }
    return certificates.caCert();
  }

  public TestCertificates certificates() {
    caCert();
    return certificates;
  }

  public String username() {
    requireAuth();
    return username;
  }

  public String password() {
    requireAuth();
    return password;
  }

  /** Everything a client needs to reach this registry (host, TLS, CA, credentials). */
  public RegistryAccess access() {
    return new RegistryAccess(host(), tls, tls ? caCert() : null, username, password);
  }

  /** A DOCKER_CONFIG builder already holding this registry's credentials (if it has any). */
  public DockerConfigBuilder dockerConfig() {
    DockerConfigBuilder builder = DockerConfigBuilder.create();
    return requiresAuth() ? builder.auth(host(), username, password) : builder;
  }

  /** The registry's log (application and access log). */
  public RegistryLog log() {
    requireStarted();
    return new RegistryLog(workDir.resolve("registry.log"));
  }

  /** The registry's storage root (filesystem driver). */
  public Path storageDir() {
    requireStarted();
    return workDir.resolve("storage");
  }

  @Override
  public String toString() {
    return "RegistryExtension{" + (workDir == null ? "not started" : url()) + ", auth="
        + (username == null ? "none" : username + ":****") + "}";
  }

  // ---- internals ----

  private void prepare() {
    workDir = TempDirs.create("kaniko-registry-");
    try {
      Files.createDirectories(workDir.resolve("storage"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tls) {
      certificates = TestCertificates.generate(workDir.resolve("certs"), "kaniko test registry CA", runner);
    }
    if (username != null) {
      Htpasswd.write(workDir.resolve("htpasswd"), username, password, runner);
    }
    port = FreePort.onLoopback();
    writeConfig();
  }

  private void writeConfig() {
    RegistryConfigFile.write(workDir.resolve("config.yml"), port, workDir.resolve("storage"), certificates,
        username == null ? null : workDir.resolve("htpasswd"));
  }

  private void launchAndAwait() {
    Path logFile = workDir.resolve("registry.log");
    long logMark = new RegistryLog(logFile).mark();
    ProcessBuilder builder = new ProcessBuilder(BINARY, "serve", workDir.resolve("config.yml").toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    // REGISTRY_* variables override the config file; keep the test registry hermetic
    builder.environment().keySet().removeIf(k -> k.startsWith("REGISTRY_"));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new RegistryStartException("cannot run " + BINARY + " (" + e.getMessage()
          + "); install it with scripts/install-test-deps.sh", false);
    }
    installShutdownHook();
    awaitReady(logFile, logMark);
  }

  private void awaitReady(Path logFile, long logMark) {
    HttpClient client = httpClient();
    HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/v2/")).timeout(Duration.ofMillis(500)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String lastError = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        failStart("exited with code " + process.exitValue(), logFile, logMark);
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
        stop();
        throw new RegistryStartException("interrupted while starting the registry on " + host(), false);
      }
      pause();
    }
    failStart("did not answer GET /v2/ within " + START_TIMEOUT.toSeconds() + "s (" + lastError + ")", logFile,
        logMark);
  }

  private void failStart(String why, Path logFile, long logMark) {
    stop();
    RegistryLog log = new RegistryLog(logFile);
    List<String> newLines = log.lines().stream().skip(logMark).toList();
    String tail = String.join("\n", newLines.subList(Math.max(0, newLines.size() - 20), newLines.size()));
    boolean portTaken = tail.contains("address already in use");
    throw new RegistryStartException("docker-registry on 127.0.0.1:" + port + " " + why + "; log " + logFile
        + " ends with:\n" + runner.mask(tail), portTaken);
  }

  private HttpClient httpClient() {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500));
    if (tls) {
      builder.sslContext(certificates.sslContext());
    }
    return builder.build();
  }

  private static void pause() {
    try {
      Thread.sleep(15);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void installShutdownHook() {
    Process started = process;
    shutdownHook = new Thread(() -> ProcessTrees.kill(started), "stop-test-registry");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private void removeShutdownHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down; the hook runs anyway
      }
      shutdownHook = null;
    }
  }

  private void requireStarted() {
    if (workDir == null) {
      throw new IllegalStateException("the registry has not been started (register it with @RegisterExtension "
          + "or call start())");
    }
  }

  private void requireAuth() {
    if (username == null) {
      throw new IllegalStateException("this registry is anonymous: it has no credentials");
    }
  }

  /** The registry could not be started; the message carries the port and the log tail. */
  static final class RegistryStartException extends IllegalStateException {
    private final transient boolean portTaken;

    RegistryStartException(String message, boolean portTaken) {
      super(message);
      this.portTaken = portTaken;
    }
  }
}
