package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.kaniko.testsupport.context.LoopbackHttpServer;
import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD's downloads against a loopback HTTP server: streaming, names, modes, checksums, proxies. */
class UrlDownloaderTest {
  private static final String BODY = "downloaded body\n";
  private static final String LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";

  @TempDir Path tmp;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private void serve(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestURI().toString());
    if (exchange.getRequestURI().getPath().startsWith("/missing")) {
      LoopbackHttpServer.respond(exchange, 404, "no");
      return;
    }
    exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
    LoopbackHttpServer.respond(exchange, 200, BODY);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void download_namesTheFileAfterTheUrlPath_mode0600_mtimeFromLastModified() throws Exception {
    try (LoopbackHttpServer server = LoopbackHttpServer.http(this::serve)) {
      Path file = new UrlDownloader(Map.of()).download(server.baseUrl() + "/dir/tool%20x.sh?v=1",
          Optional.empty(), tmp);

      assertThat(file.getFileName().toString()).isEqualTo("tool x.sh");
      assertThat(file).hasContent(BODY.strip());
      assertThat((Integer) Files.getAttribute(file, "unix:mode") & 07777).isEqualTo(0600);
      assertThat(Files.getLastModifiedTime(file).toInstant())
          .isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
    }
  }

  @Test
  void checksum_matchingIsKept_mismatchFailsAndLeavesNothing() throws Exception {
    try (LoopbackHttpServer server = LoopbackHttpServer.http(this::serve)) {
      UrlDownloader downloader = new UrlDownloader(Map.of());
      Path ok = downloader.download(server.baseUrl() + "/a.txt",
          Optional.of("sha256:" + sha256(BODY)), tmp.resolve("ok"));
      assertThat(ok).hasContent(BODY.strip());

      String wrong = "sha256:" + sha256("other");
      assertThatThrownBy(() -> downloader.download(server.baseUrl() + "/b.txt",
          Optional.of(wrong), tmp.resolve("bad")))
          .isInstanceOf(CopyException.class)
          .hasMessage("checksum mismatch for " + server.baseUrl() + "/b.txt: expected "
              + wrong + ", got sha256:" + sha256(BODY));
      try (Stream<Path> left = Files.walk(tmp.resolve("bad"))) {
        assertThat(left.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }

  @Test
  void badChecksum_isRefusedBeforeDownloading() throws Exception {
    try (LoopbackHttpServer server = LoopbackHttpServer.http(this::serve)) {
      assertThatThrownBy(() -> new UrlDownloader(Map.of()).download(server.baseUrl() + "/a",
          Optional.of("md5:abc"), tmp))
          .hasMessageStartingWith("invalid --checksum md5:abc: expected sha256:");
      assertThat(requests).isEmpty();
    }
  }

  @Test
  void httpError_isOneLine_andNeverShowsCredentials() throws Exception {
    try (LoopbackHttpServer server = LoopbackHttpServer.http(this::serve)) {
      String url = server.baseUrl().replace("://", "://user:s3cret@") + "/missing.txt?token=t0k";
      assertThatThrownBy(() -> new UrlDownloader(Map.of()).download(url, Optional.empty(), tmp))
          .isInstanceOf(CopyException.class)
          .hasMessage("cannot download http://***@" + server.hostPort()
              + "/missing.txt?***: HTTP 404")
          .hasMessageNotContaining("s3cret").hasMessageNotContaining("t0k");
    }
  }

  @Test
  void httpProxy_fromTheEnvironment_carriesTheRequest() throws Exception {
    try (LoopbackHttpServer proxy = LoopbackHttpServer.http(this::serve)) {
      Path file = new UrlDownloader(Map.of("http_proxy", proxy.baseUrl()))
          .download("http://files.example.invalid/pkg.tgz", Optional.empty(), tmp);

      assertThat(file.getFileName().toString()).isEqualTo("pkg.tgz");
      assertThat(file).hasContent(BODY.strip());
      assertThat(requests).containsExactly("http://files.example.invalid/pkg.tgz");
    }
  }

  @Test
  void noProxy_bypassesMatchingHosts_andProxyCredentialsAreRefused() {
    EnvProxySelector selector = EnvProxySelector.of(Map.of("HTTPS_PROXY", "proxy:3128",
        "NO_PROXY", "internal.example,.corp"));
    assertThat(selector.select(URI.create("https://a.internal.example/x")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://corp/x"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://other.example/x")).get(0).address())
        .hasToString("proxy/<unresolved>:3128");
    assertThat(selector.select(URI.create("http://other.example/x")))
        .containsExactly(Proxy.NO_PROXY);
    assertThatThrownBy(() -> EnvProxySelector.of(Map.of("HTTP_PROXY", "http://u:pw@proxy:1")))
        .hasMessage("HTTP_PROXY: proxy credentials are not supported yet");
  }

  @Test
  void fileName_isTheLastPathSegment_elseUnnamedAsBuildKit() {
    assertThat(UrlDownloader.fileName("https://h/a/b.tar.gz?x=1#f")).isEqualTo("b.tar.gz");
    assertThat(UrlDownloader.fileName("https://h/a/dir/")).isEqualTo("dir");
    assertThat(UrlDownloader.fileName("https://h/")).isEqualTo("__unnamed__");
    assertThat(UrlDownloader.fileName("https://h")).isEqualTo("__unnamed__");
    assertThat(UrlDownloader.fileName("https://h/a/%2e%2e")).isEqualTo("__unnamed__");
    assertThat(UrlDownloader.fileName("https://h/a%2Fb")).isEqualTo("__unnamed__");
  }

  @Test
  void maskUrls_hidesUserInfoAndQueriesOfEveryUrl() {
    assertThat(UrlDownloader.maskUrls("ADD --checksum=sha256:ab https://u:pw@h/f?sig=x#frag "
        + "git://tok@g/r.git#main /d/"))
        .isEqualTo("ADD --checksum=sha256:ab https://***@h/f?***#frag git://***@g/r.git#main /d/");
    assertThat(UrlDownloader.maskUrls("COPY a@b.txt /x?y")).isEqualTo("COPY a@b.txt /x?y");
  }
}
