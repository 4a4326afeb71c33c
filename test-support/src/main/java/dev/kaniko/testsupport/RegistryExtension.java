package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
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

  private final boolean tls;
  private final String username;
  private final String password;
  private final boolean tokenAuth;
  private final CommandRunner runner;

  private Path workDir;
  private TestCertificates certificates;
  private int port;
  private RegistryProcess process;
  private String ownerId;
  private TokenServer tokenServer;

  private RegistryExtension(boolean tls, String username, String password) {
    this(tls, username, password, false);
  }

  private RegistryExtension(boolean tls, String username, String password, boolean tokenAuth) {
    this.tls = tls;
    this.tokenAuth = tokenAuth;
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
    return tlsWithAuth("kaniko", randomPassword());
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return "pw-" + HexFormat.of().formatHex(bytes);
  }

  /** HTTPS with a fresh self-signed CA, basic auth with these credentials. */
  public static RegistryExtension tlsWithAuth(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    return new RegistryExtension(true, username, password);
  }

  /** Plain HTTP with basic auth for user {@code kaniko} and a random password (for {@code --insecure} tests). */
  public static RegistryExtension plainWithAuth() {
    return new RegistryExtension(false, "kaniko", randomPassword());
  }

  /**
   * HTTPS with a fresh self-signed CA and bearer-token auth: the registry answers {@code WWW-Authenticate: Bearer
   * realm=...,service=...,scope=...} and a loopback {@link TokenServer} (same CA) issues tokens for user
   * {@code kaniko} with a random password.
   */
  public static RegistryExtension tlsWithTokenAuth() {
    return new RegistryExtension(true, "kaniko", randomPassword(), true);
  }

  /** HTTPS with a fresh self-signed CA, anonymous access. */
  public static RegistryExtension tlsOnly() {
    return new RegistryExtension(true, null, null);
  }

  // ---- JUnit lifecycle ----

  @Override
  public void beforeAll(ExtensionContext context) {
    if (ownerId == null) { // @Nested classes see the outer class's registry: only the outer one owns it
      ownerId = context.getUniqueId();
    }
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
    if (ownerId == null) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(ownerId)) {
      ownerId = null;
      close();
    }
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
      } catch (RegistryProcess.RegistryStartException e) {
        process = null;
        if (!(firstStart && e.portTaken() && attempt < 3)) {
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
    process.kill();
    process = null;
  }

  /** Stops the registry and deletes its storage, certificates and log. */
  @Override
  public synchronized void close() {
    stop();
    if (tokenServer != null) {
      tokenServer.close();
      tokenServer = null;
    }
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

  /** The token server of a {@link #tlsWithTokenAuth()} registry. */
  public TokenServer tokenServer() {
    requireStarted();
    if (tokenServer == null) {
      throw new IllegalStateException("this registry does not use token auth");
    }
    return tokenServer;
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
        + (username == null ? "none" : (tokenAuth ? "token " : "") + username + ":****") + "}";
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
    if (tokenAuth) {
      tokenServer = TokenServer.start(workDir.resolve("token"), certificates, username, password, runner);
    } else if (username != null) {
      Htpasswd.write(workDir.resolve("htpasswd"), username, password, runner);
    }
    port = FreePort.onLoopback();
    writeConfig();
  }

  private void writeConfig() {
    RegistryConfigFile.write(workDir.resolve("config.yml"), port, workDir.resolve("storage"), certificates,
        username == null || tokenAuth ? null : workDir.resolve("htpasswd"), tokenServer);
  }

  private void launchAndAwait() {
    process = RegistryProcess.launch(workDir.resolve("config.yml"), workDir.resolve("registry.log"));
    process.awaitReady("docker-registry on 127.0.0.1:" + port, url(), tls ? certificates.sslContext() : null,
        START_TIMEOUT, runner::mask);
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
}
