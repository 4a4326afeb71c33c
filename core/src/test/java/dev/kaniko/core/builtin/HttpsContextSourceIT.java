package dev.kaniko.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import dev.kaniko.testsupport.TestCertificates;
import dev.kaniko.testsupport.context.ContextSourceContract;
import dev.kaniko.testsupport.context.ContextTarballs;
import dev.kaniko.testsupport.context.LoopbackHttpServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code https://} tarballs against a real HTTPS server on loopback, with basic auth from the URL. */
class HttpsContextSourceIT extends ContextSourceContract {

  private static final String USER = "kaniko";
  private static final String TOKEN = "s3cr3t-https-t0ken";
  private static final String WRONG = "wr0ng-https-t0ken";

  static Path served;
  static TestCertificates certs;
  static LoopbackHttpServer server;

  @BeforeAll
  static void startServer() throws IOException {
    Path dir = Files.createTempDirectory("https-context");
    served = Files.createDirectories(dir.resolve("served"));
    certs = TestCertificates.generate(dir.resolve("certs"), "kaniko https context test CA");
    server = LoopbackHttpServer.https(HttpsContextSourceIT::handle, certs, dir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/public/truncated.tar.gz")) {
      exchange.sendResponseHeaders(200, 1 << 20);
      exchange.getResponseBody().write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
      exchange.getResponseBody().flush();
      exchange.close();
    } else if (path.startsWith("/public/")) {
      serve(exchange, path.substring("/public/".length()));
    } else if (!LoopbackHttpServer.hasBasicAuth(exchange, USER, TOKEN)) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"contexts\"");
      LoopbackHttpServer.respond(exchange, 401, "unauthorized");
    } else {
      serve(exchange, path.substring(1));
    }
  }

  private static void serve(HttpExchange exchange, String name) throws IOException {
    Path file = served.resolve(name).normalize();
    if (!file.startsWith(served) || !Files.isRegularFile(file)) {
      LoopbackHttpServer.respond(exchange, 404, "no such object");
    } else {
      LoopbackHttpServer.respondWithFile(exchange, file);
    }
  }

  private String url(String credential, String name) {
    return "https://" + USER + ":" + credential + "@" + server.hostPort() + "/" + name;
  }

  @Override
  protected ContextSource createSource() {
    return new HttpsContextSourceFactory(() -> HttpClient.newBuilder().sslContext(certs.sslContext()))
        .create(Map.of(), HostPluginContext.of(Map.of(), work, "builtin"));
  }

  @Override
  protected String publish(Path context) throws Exception {
    Path tarball = Files.createTempFile(served, "ctx-", ".tar.gz");
    ContextTarballs.writeTarGz(context, tarball);
    return url(TOKEN, tarball.getFileName().toString());
  }

  @Override
  protected String missingLocation() {
    return url(TOKEN, "no-such-context.tar.gz");
  }

  @Override
  protected Optional<BadCredentials> badCredentials(String location) {
    return Optional.of(new BadCredentials(createSource(), location.replace(TOKEN, WRONG), WRONG));
  }

  @Override
  protected Path materialize(ContextSource source, ContextRequest request, Path workDir) throws PluginException {
    return new ContextMaterializer().materialize(source, request, workDir);
  }

  @Test
  void fetch_publicTarballWithoutCredentials() throws Exception {
    String location = publishFixture();
    String name = location.substring(location.lastIndexOf('/') + 1);

    Path context = materialize(createSource(), ContextRequest.of(server.baseUrl() + "/public/" + name), newWorkDir("p"));

    assertThat(context.resolve("Dockerfile")).exists();
  }

  @Test
  void fetch_untrustedCertificate_isUnavailableNamingTheLocation() {
    ContextSource source = new HttpsContextSourceFactory()
        .create(Map.of(), HostPluginContext.of(Map.of(), work, "builtin"));
    String location = url(TOKEN, "x.tar.gz");

    assertThatThrownBy(() -> materialize(source, ContextRequest.of(location), newWorkDir("u")))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(ContextRequest.maskUri(location))
        .hasMessageNotContaining(TOKEN)
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void fetch_downloadCutShort_isUnavailable() {
    String location = server.baseUrl() + "/public/truncated.tar.gz";

    assertThatThrownBy(() -> materialize(createSource(), ContextRequest.of(location), newWorkDir("t")))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(location)
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void factory_leavesAzureBlobUrlsToTheAzurePlugin() {
    HttpsContextSourceFactory factory = new HttpsContextSourceFactory();

    assertThat(factory.supports("https://example.com/ctx.tar.gz")).isTrue();
    assertThat(factory.supports("https://acct.blob.core.windows.net/c/ctx.tar.gz")).isFalse();
    assertThat(factory.supports("http://example.com/ctx.tar.gz")).isFalse();
    assertThat(factory.supports("s3://b/k")).isFalse();
  }
}
