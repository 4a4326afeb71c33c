package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectingProxyTest {
  private HttpServer upstream;

  @BeforeEach
  void startUpstream() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext("/", exchange -> {
      byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  private static HttpResponse<String> put(String host, String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host + path))
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void firstMatchingRequestsGetTheStatus_thenTheyAndOthersAreForwarded() throws Exception {
    String upstreamHost = "127.0.0.1:" + upstream.getAddress().getPort();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(upstreamHost,
        FaultInjectingProxy.manifestPuts(), 503, 2)) {
      assertThat(put(proxy.host(), "/v2/a/blobs/uploads/1", "blob").statusCode()).isEqualTo(201);
      assertThat(put(proxy.host(), "/v2/a/manifests/1", "m").statusCode()).isEqualTo(503);
      assertThat(put(proxy.host(), "/v2/a/manifests/1", "m").statusCode()).isEqualTo(503);
      HttpResponse<String> third = put(proxy.host(), "/v2/a/manifests/1", "manifest");

      assertThat(third.statusCode()).isEqualTo(201);
      assertThat(third.body()).isEqualTo("PUT /v2/a/manifests/1 manifest");
      assertThat(proxy.faultsInjected()).isEqualTo(2);
      assertThat(proxy.requests()).extracting(FaultInjectingProxy.Request::path)
          .containsExactly("/v2/a/blobs/uploads/1", "/v2/a/manifests/1", "/v2/a/manifests/1",
              "/v2/a/manifests/1");
    }
  }
}
