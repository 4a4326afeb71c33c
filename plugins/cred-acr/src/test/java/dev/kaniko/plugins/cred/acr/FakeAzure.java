package dev.kaniko.plugins.cred.acr;

import static dev.kaniko.testsupport.plugin.JsonExchanges.form;
import static dev.kaniko.testsupport.plugin.JsonExchanges.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTPS stand-in for the two token APIs ACR logins use: Azure AD's v2 client-credentials endpoint
 * ({@code POST /TENANT/oauth2/v2.0/token}: checks client id, secret and scope, issues an access token) and ACR's
 * {@code POST /oauth2/exchange} (checks the access token it issued, the service and tenant, issues the queued
 * refresh tokens).
 */
final class FakeAzure implements AutoCloseable {

  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";

  /** One accepted exchange. */
  record Exchange(String service, String tenant) {}

  private final HttpsServer server;
  private final String clientSecret;
  private final Deque<String> refreshTokens = new ArrayDeque<>();
  private final List<String> issuedAccessTokens = new CopyOnWriteArrayList<>();
  private final List<String> unknownRequests = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private volatile boolean denyExchange;

  FakeAzure(String clientSecret) throws Exception {
    this.clientSecret = clientSecret;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(LoopbackTls.get().serverContext()));
    server.createContext("/", this::handle);
    server.start();
  }

  /** A JWT-shaped ACR refresh token expiring at {@code exp}. */
  static String refreshToken(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(("{\"jti\":\"" + UUID.randomUUID() + "\",\"grant_type\":\"refresh_token\",\"exp\":"
            + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
  }

  String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized FakeAzure issue(String... tokens) {
    refreshTokens.addAll(List.of(tokens));
    return this;
  }

  FakeAzure denyExchange() {
    denyExchange = true;
    return this;
  }

  List<Exchange> exchanges() {
    return exchanges;
  }

  List<String> issuedAccessTokens() {
    return issuedAccessTokens;
  }

  List<String> unknownRequests() {
    return unknownRequests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (exchange.getRequestMethod().equals("POST") && path.equals("/" + TENANT + "/oauth2/v2.0/token")) {
        aadToken(exchange, form);
      } else if (exchange.getRequestMethod().equals("POST") && path.equals("/oauth2/exchange")) {
        acrExchange(exchange, form);
      } else {
        unknownRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        send(exchange, 404, "{\"error\":\"not_found\"}");
      }
    }
  }

  private void aadToken(HttpExchange exchange, Map<String, String> form) throws IOException {
    if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
        || !String.valueOf(form.get("scope")).contains("https://management.azure.com/.default")) {
      send(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS900144: bad request\","
          + "\"error_codes\":[900144]}");
    } else if (!clientSecret.equals(form.get("client_secret"))) {
      send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
          + " secret provided. Ensure the secret being sent in the request is the client secret value.\","
          + "\"error_codes\":[7000215]}");
    } else {
      String token = "aad-" + UUID.randomUUID();
      issuedAccessTokens.add(token);
      send(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
          + "\"access_token\":\"" + token + "\"}");
    }
  }

  private void acrExchange(HttpExchange exchange, Map<String, String> form) throws IOException {
    if (denyExchange || !"access_token".equals(form.get("grant_type"))
        || !issuedAccessTokens.contains(form.get("access_token"))) {
      send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
      return;
    }
    exchanges.add(new Exchange(form.get("service"), form.get("tenant")));
    send(exchange, 200, "{\"refresh_token\":\"" + next() + "\"}");
  }

  private synchronized String next() {
    return refreshTokens.isEmpty() ? "no-more-tokens" : refreshTokens.poll();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
