package dev.kaniko.testsupport.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class JsonExchangesTest {

  @Test
  void form_decodesFieldsAndSkipsPairsWithoutAName() {
    assertThat(JsonExchanges.form("grant_type=client_credentials&scope=a%2Fb+c&=x&flag"))
        .containsOnly(entry("grant_type", "client_credentials"),
            entry("scope", "a/b c"));
  }

  @Test
  void send_answersWithStatusJsonTypeAndBody() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        JsonExchanges.send(exchange, 401, "{\"error\":\"invalid_client\"}");
      }
    });
    server.start();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
      assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
    } finally {
      server.stop(0);
    }
  }
}
