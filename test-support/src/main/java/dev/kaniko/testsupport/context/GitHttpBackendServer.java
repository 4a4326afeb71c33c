package dev.kaniko.testsupport.context;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.kaniko.testsupport.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A real git smart-HTTP server on loopback: the JDK HTTP server in front of {@code git http-backend}
 * (CGI), serving every bare repository under a root and asking for a token (as user name or password).
 */
public final class GitHttpBackendServer implements AutoCloseable {

  private final Path root;
  private final String token;
  private final LoopbackHttpServer http;

  private GitHttpBackendServer(Path root, String token, TestCertificates certs, Path tlsDir) throws IOException {
    this.root = root;
    this.token = token;
    this.http = certs == null ? LoopbackHttpServer.http(this::handle) : LoopbackHttpServer.https(this::handle, certs, tlsDir);
  }

  /** A plain-HTTP server. */
  public static GitHttpBackendServer start(Path root, String token) throws IOException {
    return new GitHttpBackendServer(root, token, null, null);
  }

  /** An HTTPS server with {@code certs}' server certificate (its CA is unknown to the JDK). */
  public static GitHttpBackendServer startTls(Path root, String token, TestCertificates certs, Path tlsDir) throws IOException {
    return new GitHttpBackendServer(root, token, certs, tlsDir);
  }

  /** {@code 127.0.0.1:port}. */
  public String hostPort() {
    return http.hostPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
        LoopbackHttpServer.respond(exchange, 401, "token required\n");
        return;
      }
      runBackend(exchange);
    } catch (IOException | RuntimeException e) {
      LoopbackHttpServer.respond(exchange, 500, "backend failed: " + e + "\n");
    }
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    String user = colon < 0 ? pair : pair.substring(0, colon);
    String password = colon < 0 ? "" : pair.substring(colon + 1);
    return token.equals(user) || token.equals(password);
  }

  private void runBackend(HttpExchange exchange) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("git", "http-backend").redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    Headers headers = exchange.getRequestHeaders();
    env.put("GIT_PROJECT_ROOT", root.toString());
    env.put("GIT_HTTP_EXPORT_ALL", "1");
    env.put("REQUEST_METHOD", exchange.getRequestMethod());
    env.put("PATH_INFO", exchange.getRequestURI().getPath());
    env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
    env.put("REMOTE_USER", "kaniko");
    env.put("REMOTE_ADDR", "127.0.0.1");
    env.put("SERVER_PROTOCOL", "HTTP/1.1");
    putIfPresent(env, "CONTENT_TYPE", headers.getFirst("Content-Type"));
    putIfPresent(env, "HTTP_CONTENT_ENCODING", headers.getFirst("Content-Encoding"));
    putIfPresent(env, "GIT_PROTOCOL", headers.getFirst("Git-Protocol"));
    Process process = builder.start();
    Thread body = new Thread(() -> copyBody(exchange.getRequestBody(), process.getOutputStream()), "git-request-body");
    body.start();
    try (InputStream out = process.getInputStream()) {
      int status = readCgiHeaders(out, exchange.getResponseHeaders());
      exchange.sendResponseHeaders(status, 0);
      try (OutputStream response = exchange.getResponseBody()) {
        out.transferTo(response);
      }
    } finally {
      joinQuietly(body);
      process.destroy();
      exchange.close();
    }
  }

  private static void copyBody(InputStream request, OutputStream stdin) {
    try (stdin) {
      request.transferTo(stdin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the CGI header block into {@code response}; returns the status (200 unless "Status:"). */
  private static int readCgiHeaders(InputStream out, Headers response) throws IOException {
    int status = 200;
    String line;
    while (!(line = readLine(out)).isEmpty()) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.split(" ")[0]);
      } else {
        response.add(name, value);
      }
    }
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void putIfPresent(Map<String, String> env, String key, String value) {
    if (value != null) {
      env.put(key, value);
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
