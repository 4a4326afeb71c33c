package dev.kaniko.testsupport.context;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A loopback stand-in for the two GCS JSON API calls a context download makes (object metadata, then
 * {@code alt=media}), serving one object; point the GCS plugin at it with {@code STORAGE_EMULATOR_HOST=url()}.
 * Not a GCS emulator: it proves the bundled SDK's HTTP path loads and runs (in the plugin's class loader or a real
 * {@code bin/executor}); the contract runs on the vendor's fake in the GCS plugin's {@code GcsContextSourceTest}.
 */
public final class OneObjectJsonApi implements AutoCloseable {

  private final HttpServer server;
  private final String bucket;
  private final String name;
  private final Path content;

  private OneObjectJsonApi(HttpServer server, String bucket, String name, Path content) {
    this.server = server;
    this.bucket = bucket;
    this.name = name;
    this.content = content;
  }

  public static OneObjectJsonApi serving(String bucket, String name, Path content) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OneObjectJsonApi api = new OneObjectJsonApi(server, bucket, name, content);
    server.createContext("/", api::handle);
    server.start();
    return api;
  }

  public String url() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = String.valueOf(exchange.getRequestURI().getRawQuery());
    String prefix = "/b/" + bucket + "/o/";
    int at = path.indexOf(prefix);
    String object = at < 0 ? "" : URLDecoder.decode(path.substring(at + prefix.length()), StandardCharsets.UTF_8);
    if (!object.equals(name)) {
      send(exchange, 404, "application/json", "{\"error\":{\"code\":404,\"message\":\"No such object\"}}"
          .getBytes(StandardCharsets.UTF_8));
    } else if (query.contains("alt=media")) {
      send(exchange, 200, "application/octet-stream", Files.readAllBytes(content));
    } else {
      String json = "{\"kind\":\"storage#object\",\"bucket\":\"" + bucket + "\",\"name\":\"" + name + "\","
          + "\"size\":\"" + Files.size(content) + "\",\"generation\":\"1\",\"metageneration\":\"1\"}";
      send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
