package dev.kaniko.plugins.cred.ecr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the ECR and ECR Public token APIs (AWS JSON 1.1 protocol: {@code POST /} with
 * {@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken} or
 * {@code SpencerFrontendService.GetAuthorizationToken}, SigV4-signed). It checks the target, the content type
 * and the signing access key, region and service, and issues the queued passwords as {@code AWS:password} tokens.
 */
final class FakeEcrApi implements AutoCloseable {

  /** One request the API answered. */
  record Request(String target, String accessKeyId, String region, String service, String body) {}

  private static final Pattern CREDENTIAL =
      Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request, .*Signature=[0-9a-f]{64}");

  private final HttpServer server;
  private final String accessKeyId;
  private final Deque<String> passwords = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Duration validity = Duration.ofHours(12);
  private volatile boolean deny;

  FakeEcrApi(String accessKeyId) throws IOException {
    this.accessKeyId = accessKeyId;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized FakeEcrApi issue(String... next) {
    passwords.addAll(List.of(next));
    return this;
  }

  FakeEcrApi validFor(Duration duration) {
    validity = duration;
    return this;
  }

  FakeEcrApi denyAll() {
    deny = true;
    return this;
  }

  List<Request> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      Matcher auth = CREDENTIAL.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      if (!exchange.getRequestMethod().equals("POST") || !auth.matches()) {
        error(exchange, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        return;
      }
      requests.add(new Request(target, auth.group(1), auth.group(2), auth.group(3), body));
      if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-amz-json-1.1")) {
        error(exchange, 400, "SerializationException", "unexpected content type");
      } else if (!auth.group(1).equals(accessKeyId)) {
        error(exchange, 400, "UnrecognizedClientException", "The security token included in the request is invalid.");
      } else if (deny) {
        error(exchange, 400, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to"
            + " perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the"
            + " ecr:GetAuthorizationToken action");
      } else if (target.equals("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken")) {
        ok(exchange, "{\"authorizationData\":[" + data(", \"proxyEndpoint\":\"https://123456789012.dkr.ecr."
            + auth.group(2) + ".amazonaws.com\"") + "]}");
      } else if (target.equals("SpencerFrontendService.GetAuthorizationToken")) {
        ok(exchange, "{\"authorizationData\":" + data("") + "}");
      } else {
        error(exchange, 400, "UnknownOperationException", "unknown operation " + target);
      }
    }
  }

  private synchronized String data(String extra) {
    String password = passwords.isEmpty() ? "no-more-tokens" : passwords.poll();
    String token = Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
    long expiresAt = Instant.now().plus(validity).getEpochSecond();
    return "{\"authorizationToken\":\"" + token + "\",\"expiresAt\":" + expiresAt + extra + "}";
  }

  private static void ok(HttpExchange exchange, String json) throws IOException {
    send(exchange, 200, json);
  }

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
    send(exchange, status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "00000000-0000-0000-0000-000000000001");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
