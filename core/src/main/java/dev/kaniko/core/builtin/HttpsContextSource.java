package dev.kaniko.core.builtin;

import dev.kaniko.core.context.ContextTarballExtractor;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Downloads a context tarball over HTTPS and extracts it as it streams (never held in memory).
 * User-info in the URL ({@code https://user:token@host/ctx.tar.gz}) is sent as basic auth; then
 * redirects are not followed, so the credential never reaches another host.
 */
final class HttpsContextSource implements ContextSource {

  private final HttpClient.Builder clientBuilder;

  HttpsContextSource(HttpClient.Builder clientBuilder) {
    this.clientBuilder = clientBuilder;
  }

  @Override
  public Path fetch(ContextRequest request, Path targetDir) throws PluginException {
    String location = request.displayUri();
    URI uri = parse(request.uri(), location);
    Optional<String> authorization = basicAuth(uri);
    HttpClient client = clientBuilder
        .followRedirects(authorization.isPresent() ? HttpClient.Redirect.NEVER : HttpClient.Redirect.NORMAL)
        .build();
    HttpRequest.Builder get = HttpRequest.newBuilder(withoutUserInfo(uri, location)).GET();
    authorization.ifPresent(value -> get.header("Authorization", value));
    HttpResponse<InputStream> response = send(client, get.build(), location);
    try (ReadFailureTap body = new ReadFailureTap(response.body())) {
      requireOk(response.statusCode(), location);
      extract(body, targetDir, location);
    } catch (IOException e) {
      throw new PluginException(Reason.UNAVAILABLE, "cannot download context " + location + ": " + e.getMessage(), e);
    }
    return targetDir;
  }

  /** Extracts while downloading; a broken download is UNAVAILABLE, not a bad archive. */
  private static void extract(ReadFailureTap body, Path targetDir, String location) throws PluginException {
    try {
      new ContextTarballExtractor().extract(body, targetDir, location);
    } catch (PluginException e) {
      if (body.failure() != null) {
        throw new PluginException(Reason.UNAVAILABLE,
            "download of context " + location + " failed: " + body.failure(), body.failure());
      }
      throw e;
    }
  }

  /** Remembers the first read failure of the response body. */
  private static final class ReadFailureTap extends java.io.FilterInputStream {
    private IOException failure;

    ReadFailureTap(InputStream in) {
      super(in);
    }

    IOException failure() {
      return failure;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }
  }

  private static HttpResponse<InputStream> send(HttpClient client, HttpRequest request, String location)
      throws PluginException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new PluginException(Reason.UNAVAILABLE, "cannot download context " + location + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginException(Reason.UNAVAILABLE, "interrupted while downloading context " + location, e);
    }
  }

  private static void requireOk(int status, String location) throws PluginException {
    if (status == 200) {
      return;
    }
    String what = "context " + location + ": HTTP " + status;
    if (status == 401 || status == 403) {
      throw new PluginException(Reason.UNAUTHORIZED, what + " (credentials missing or refused)");
    }
    if (status == 404 || status == 410) {
      throw new PluginException(Reason.NOT_FOUND, what + " (not found)");
    }
    if (status >= 500 || status == 429 || status == 408) {
      throw new PluginException(Reason.UNAVAILABLE, what + " (server unavailable)");
    }
    throw new PluginException(Reason.OTHER, what);
  }

  private static URI parse(String uri, String location) throws PluginException {
    try {
      URI parsed = new URI(uri);
      if (parsed.getHost() == null) {
        throw new PluginException(Reason.INVALID_CONFIGURATION, "context " + location + " names no host");
      }
      return parsed;
    } catch (URISyntaxException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "invalid context URL " + location);
    }
  }

  private static Optional<String> basicAuth(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      return Optional.empty();
    }
    String decoded = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    String pair = decoded.contains(":") ? decoded : decoded + ":";
    return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  private static URI withoutUserInfo(URI uri, String location) throws PluginException {
    String authority = uri.getRawAuthority();
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    try {
      return new URI(uri.getScheme() + "://" + hostPort + path + query);
    } catch (URISyntaxException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "invalid context URL " + location);
    }
  }

}
