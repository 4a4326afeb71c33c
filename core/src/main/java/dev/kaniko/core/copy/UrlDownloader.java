package dev.kaniko.core.copy;

import dev.kaniko.spi.ContextRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ADD's http(s) sources: streams the body to a file named after the URL path (mode 0600, mtime
 * from {@code Last-Modified}), verifying an optional {@code --checksum} before the file is kept.
 * Proxies come from {@code HTTP_PROXY}/{@code HTTPS_PROXY}/{@code NO_PROXY} (either case).
 */
public final class UrlDownloader {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final String UNNAMED = "__unnamed__";
  private static final Pattern USER_INFO =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s]*@");
  private static final Pattern QUERY =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://[^?#\\s]*)\\?[^#\\s]*");

  private final HttpClient client;

  /** A downloader using the proxies {@code env} names (build args, then the environment). */
  public UrlDownloader(Map<String, String> env) {
    this(HttpClient.newBuilder(), env);
  }

  /** A downloader configured by {@code builder} (tests: TLS trust), with the proxies of env. */
  public UrlDownloader(HttpClient.Builder builder, Map<String, String> env) {
    this(builder.proxy(EnvProxySelector.of(env)));
  }

  private UrlDownloader(HttpClient.Builder builder) {
    this.client = builder.followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * {@code text} (a logged instruction) with the user-info and query of every URL in it masked:
   * {@code ADD https://u:pw@h/f?sig=x /} becomes {@code ADD https://***@h/f?*** /}.
   */
  public static String maskUrls(String text) {
    String masked = USER_INFO.matcher(text).replaceAll("$1***@");
    return QUERY.matcher(masked).replaceAll("$1?***");
  }

  /** Whether {@code source} is an http(s) URL ADD downloads (not a git repository URL). */
  public static boolean isHttpUrl(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /**
   * The file name ADD gives a download, as BuildKit does: the last segment of the URL path
   * (trailing slashes ignored, percent-decoded), {@code __unnamed__} when there is none.
   */
  public static String fileName(String url) {
    String path;
    try {
      path = Optional.ofNullable(new URI(url).getRawPath()).orElse("");
    } catch (URISyntaxException e) {
      return UNNAMED;
    }
    path = path.replaceAll("/+$", "");
    String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"),
        StandardCharsets.UTF_8);
    return last.isEmpty() || last.equals(".") || last.equals("..") || last.contains("/")
        ? UNNAMED : last;
  }

  /**
   * Downloads {@code url} into a new directory under {@code scratch}; returns the file (named
   * by {@link #fileName}). With a checksum ({@code sha256:<hex>}, also
   * sha384/sha512) a mismatch deletes the file and fails.
   */
  public Path download(String url, Optional<String> checksum, Path scratch)
      throws IOException, CopyException {
    String shown = ContextRequest.maskUri(url);
    Optional<Checksum> expected = checksum.isPresent()
        ? Optional.of(Checksum.parse(checksum.get())) : Optional.empty();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(new URI(url)).GET().build();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new CopyException("invalid URL " + shown);
    }
    Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "url-");
    Path file = dir.resolve(fileName(url));
    HttpResponse<InputStream> response = send(request, shown);
    try (InputStream body = response.body()) {
      if (response.statusCode() >= 400) {
        throw new CopyException("cannot download " + shown + ": HTTP " + response.statusCode());
      }
      MessageDigest digest = expected.map(Checksum::digest).orElse(null);
      try (OutputStream out = Files.newOutputStream(file)) {
        body.transferTo(digest == null ? out : new DigestOutputStream(out, digest));
      }
      if (digest != null) {
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected.get().hex())) {
          Files.delete(file);
          throw new CopyException("checksum mismatch for " + shown + ": expected "
              + expected.get().algorithm() + ":" + expected.get().hex() + ", got "
              + expected.get().algorithm() + ":" + actual);
        }
      }
    }
    Files.setAttribute(file, "unix:mode", 0600);
    Optional<FileTime> modified = lastModified(response);
    if (modified.isPresent()) {
      Files.setLastModifiedTime(file, modified.get());
    }
    return file;
  }

  private HttpResponse<InputStream> send(HttpRequest request, String shown)
      throws IOException, CopyException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + shown, e);
    } catch (IOException e) {
      throw new CopyException("cannot download " + shown + ": " + describe(e));
    }
  }

  /** The exception's message, else its cause's, else its type (a refused connection has none). */
  private static String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return e.getClass().getSimpleName() + " " + ContextRequest.maskUri(t.getMessage());
      }
    }
    return e.getClass().getSimpleName();
  }

  private static Optional<FileTime> lastModified(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Last-Modified");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    try {
      ZonedDateTime time = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(FileTime.from(time.toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An {@code --checksum} value: {@code sha256:<hex>} (or sha384, sha512). */
  record Checksum(String algorithm, String hex) {
    private static final Map<String, Integer> LENGTHS =
        Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    static Checksum parse(String text) throws CopyException {
      int colon = text.indexOf(':');
      String algorithm = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
      String hex = colon < 0 ? "" : text.substring(colon + 1).toLowerCase(Locale.ROOT);
      Integer length = LENGTHS.get(algorithm);
      if (length == null || hex.length() != length || !hex.matches("[0-9a-f]+")) {
        throw new CopyException("invalid --checksum " + text
            + ": expected sha256:<64 hex digits> (or sha384, sha512)");
      }
      return new Checksum(algorithm, hex);
    }

    MessageDigest digest() {
      try {
        return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT).replace("SHA", "SHA-"));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
