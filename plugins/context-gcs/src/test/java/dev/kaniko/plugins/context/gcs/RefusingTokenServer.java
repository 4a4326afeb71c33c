package dev.kaniko.plugins.context.gcs;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OAuth2 token endpoint that refuses every grant the way Google's does for a revoked service-account key
 * ({@code 400 invalid_grant}), and a matching service-account key file whose {@code token_uri} points at it. The real
 * google-auth client signs a JWT with the key and posts it here; anything else gets a 500.
 */
final class RefusingTokenServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger grants = new AtomicInteger();

  private RefusingTokenServer(HttpServer server) {
    this.server = server;
  }

  static RefusingTokenServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RefusingTokenServer refusing = new RefusingTokenServer(server);
    server.createContext("/", exchange -> {
      boolean token = exchange.getRequestURI().getPath().equals("/token");
      if (token) {
        refusing.grants.incrementAndGet();
      }
      byte[] body = (token
          ? "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"
          : "{\"error\":{\"code\":500,\"message\":\"not a storage server\"}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(token ? 400 : 500, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return refusing;
  }

  /** {@code http://127.0.0.1:PORT}. */
  String url() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /** How many token grants were refused. */
  int refusedGrants() {
    return grants.get();
  }

  /** A service-account key file (fresh RSA key) for this token endpoint; returns the key's base64 (the secret). */
  String writeServiceAccountKey(Path file) throws IOException {
    String pkcs8;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pkcs8 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
    String pem = "-----BEGIN PRIVATE KEY-----\\n" + pkcs8 + "\\n-----END PRIVATE KEY-----\\n";
    String json = "{\"type\":\"service_account\",\"project_id\":\"kaniko-test\",\"private_key_id\":\"k1\","
        + "\"private_key\":\"" + pem + "\",\"client_email\":\"ctx@kaniko-test.iam.gserviceaccount.com\","
        + "\"client_id\":\"1\",\"token_uri\":\"" + url() + "/token\"}";
    Files.writeString(file, json);
    return pkcs8;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
