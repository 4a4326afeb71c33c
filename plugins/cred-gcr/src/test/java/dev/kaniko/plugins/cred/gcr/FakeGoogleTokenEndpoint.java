package dev.kaniko.plugins.cred.gcr;

import static dev.kaniko.testsupport.plugin.JsonExchanges.form;
import static dev.kaniko.testsupport.plugin.JsonExchanges.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for Google's OAuth2 token endpoint (RFC 7523 JWT bearer grant, as service accounts use):
 * it verifies the assertion's RS256 signature against the service account's public key and its {@code iss},
 * {@code aud}, {@code scope} and lifetime, then issues the queued access tokens. It also writes the matching
 * service-account JSON whose {@code token_uri} points at it.
 */
final class FakeGoogleTokenEndpoint implements AutoCloseable {

  static final String CLIENT_EMAIL = "kaniko@kaniko-test.iam.gserviceaccount.com";
  /** The audience Google's libraries put in service-account assertions, whatever the token_uri. */
  static final String GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One verified assertion's claims. */
  record Grant(String issuer, String audience, String scope) {}

  private final HttpServer server;
  private final KeyPair keys;
  private final Deque<String> tokens = new ArrayDeque<>();
  private final List<Grant> grants = new CopyOnWriteArrayList<>();
  private volatile long expiresIn = 3599;
  private volatile boolean deny;

  FakeGoogleTokenEndpoint() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  String tokenUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  synchronized FakeGoogleTokenEndpoint issue(String... next) {
    tokens.addAll(List.of(next));
    return this;
  }

  FakeGoogleTokenEndpoint expiresIn(long seconds) {
    expiresIn = seconds;
    return this;
  }

  FakeGoogleTokenEndpoint denyAll() {
    deny = true;
    return this;
  }

  List<Grant> grants() {
    return grants;
  }

  /** Writes a service-account key file for this endpoint. */
  Path writeServiceAccount(Path dir) throws IOException {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Map<String, String> account = new HashMap<>();
    account.put("type", "service_account");
    account.put("project_id", "kaniko-test");
    account.put("private_key_id", "key-1");
    account.put("private_key", pem);
    account.put("client_email", CLIENT_EMAIL);
    account.put("client_id", "100000000000000000001");
    account.put("token_uri", tokenUri());
    Path file = dir.resolve("service-account.json");
    Files.writeString(file, JSON.writeValueAsString(account));
    return file;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
        send(exchange, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type\"}");
        return;
      }
      Grant grant = verify(String.valueOf(form.get("assertion")));
      if (grant == null || deny) {
        send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
        return;
      }
      grants.add(grant);
      send(exchange, 200, "{\"access_token\":\"" + next() + "\",\"expires_in\":" + expiresIn
          + ",\"token_type\":\"Bearer\"}");
    }
  }

  private synchronized String next() {
    return tokens.isEmpty() ? "no-more-tokens" : tokens.poll();
  }

  private Grant verify(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(keys.getPublic());
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return null;
      }
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      long now = Instant.now().getEpochSecond();
      boolean valid = header.path("alg").asText().equals("RS256")
          && claims.path("iss").asText().equals(CLIENT_EMAIL)
          && (claims.path("aud").asText().equals(tokenUri()) || claims.path("aud").asText().equals(GOOGLE_AUDIENCE))
          && claims.path("exp").asLong() > now && claims.path("exp").asLong() - claims.path("iat").asLong() <= 3600;
      return valid ? new Grant(claims.path("iss").asText(), claims.path("aud").asText(), claims.path("scope").asText())
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
