package dev.kaniko.core.builtin;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code https} context source: a tarball (plain or gzip) downloaded over HTTPS and extracted
 * while it streams. Azure Blob URLs ({@code *.blob.core.windows.net}) are left to the azure plugin.
 */
public final class HttpsContextSourceFactory implements ContextSourceFactory {

  /** The provider name. */
  public static final String NAME = "https";

  static final String PREFIX = "https://";
  private static final String AZURE_BLOB_SUFFIX = ".blob.core.windows.net";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final Supplier<HttpClient.Builder> clients;

  /** A factory using the JDK's default trust store. */
  public HttpsContextSourceFactory() {
    this(HttpClient::newBuilder);
  }

  /** A factory whose clients start from {@code clients} (a seam for tests: SSL context, proxy). */
  public HttpsContextSourceFactory(Supplier<HttpClient.Builder> clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(String uri) {
    if (uri == null || !uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    return !isAzureBlob(uri);
  }

  private static boolean isAzureBlob(String uri) {
    try {
      String host = URI.create(uri).getHost();
      return host != null && host.toLowerCase(Locale.ROOT).endsWith(AZURE_BLOB_SUFFIX);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public ContextSource create(Map<String, String> config, PluginContext context) {
    return new HttpsContextSource(clients.get().connectTimeout(CONNECT_TIMEOUT));
  }
}
