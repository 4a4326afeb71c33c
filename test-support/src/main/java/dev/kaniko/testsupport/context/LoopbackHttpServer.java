package dev.kaniko.testsupport.context;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kaniko.testsupport.CommandRunner;
import dev.kaniko.testsupport.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A JDK HTTP(S) server on a free loopback port, for context-source tests; close it after use. */
public final class LoopbackHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;

  private LoopbackHttpServer(HttpServer server, ExecutorService executor, String scheme) {
    this.server = server;
    this.executor = executor;
    this.scheme = scheme;
  }

  /** Starts a plain HTTP server handing every request to {@code handler}. */
  public static LoopbackHttpServer http(HttpHandler handler) throws IOException {
    return start(HttpServer.create(loopback(), 0), handler, "http");
  }

  /** Starts an HTTPS server with {@code certs}' server certificate (made in {@code dir}). */
  public static LoopbackHttpServer https(HttpHandler handler, TestCertificates certs, Path dir) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(certs, dir)));
    return start(server, handler, "https");
  }

  private static LoopbackHttpServer start(HttpServer server, HttpHandler handler, String scheme) {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new LoopbackHttpServer(server, executor, scheme);
  }

  /** {@code scheme://127.0.0.1:port}, without trailing slash. */
  public String baseUrl() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@code 127.0.0.1:port}. */
  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Whether the request carries HTTP basic credentials {@code user:password}. */
  public static boolean hasBasicAuth(HttpExchange exchange, String user, String password) {
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  /** Answers {@code status} with a short text body and closes the exchange. */
  public static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  /** Streams {@code file} as a 200 response and closes the exchange. */
  public static void respondWithFile(HttpExchange exchange, Path file) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, Files.size(file));
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(exchange.getResponseBody());
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static SSLContext serverContext(TestCertificates certs, Path dir) throws IOException {
    Path p12 = dir.resolve("server.p12");
    CommandRunner.create().runChecked(List.of("openssl", "pkcs12", "-export",
        "-in", certs.serverCert().toString(), "-inkey", certs.serverKey().toString(),
        "-out", p12.toString(), "-passout", "pass:changeit", "-name", "server"));
    try (InputStream in = Files.newInputStream(p12)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "changeit".toCharArray());
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, "changeit".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load server key " + p12 + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
