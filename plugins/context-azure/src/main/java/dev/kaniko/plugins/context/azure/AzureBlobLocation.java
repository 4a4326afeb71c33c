package dev.kaniko.plugins.context.azure;

import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed Azure Blob context URL, {@code https://ACCOUNT.blob.core.windows.net/CONTAINER/BLOB[?SAS]}.
 *
 * @param account the storage account (the host's first label)
 * @param host the blob service host name
 * @param container the container name
 * @param blob the blob name (may contain slashes)
 * @param sas the shared access signature query, if the URL carries one (a secret: never printed)
 */
record AzureBlobLocation(String account, String host, String container, String blob, Optional<String> sas) {

  /** The blob service host suffixes of the Azure clouds (public, China, US Government, Germany). */
  static final List<String> HOST_SUFFIXES = List.of(
      ".blob.core.windows.net", ".blob.core.chinacloudapi.cn", ".blob.core.usgovcloudapi.net",
      ".blob.core.cloudapi.de");

  /** Whether {@code uri} is an https URL on an Azure blob service host. */
  static boolean isBlobUrl(String uri) {
    if (!uri.regionMatches(true, 0, "https://", 0, "https://".length())) {
      return false;
    }
    try {
      String host = URI.create(uri).getHost();
      return host != null && blobHostSuffix(host.toLowerCase(Locale.ROOT)).isPresent();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Parses the URL; the path must name a container and a blob. */
  static AzureBlobLocation parse(String uri) throws PluginException {
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw invalid(uri);
    }
    String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
    Optional<String> suffix = blobHostSuffix(host);
    String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
    int slash = path.indexOf('/', 1);
    if (!"https".equalsIgnoreCase(parsed.getScheme()) || suffix.isEmpty() || slash < 2
        || slash == path.length() - 1) {
      throw invalid(uri);
    }
    String account = host.substring(0, host.length() - suffix.get().length());
    String container = path.substring(1, slash);
    String blob = java.net.URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"),
        java.nio.charset.StandardCharsets.UTF_8);
    return new AzureBlobLocation(account, host, container, blob, Optional.ofNullable(parsed.getRawQuery()));
  }

  private static Optional<String> blobHostSuffix(String host) {
    return HOST_SUFFIXES.stream()
        .filter(s -> host.endsWith(s) && host.length() > s.length() && !host.substring(0, host.length() - s.length()).contains("."))
        .findFirst();
  }

  private static PluginException invalid(String uri) {
    return new PluginException(Reason.INVALID_CONFIGURATION, "invalid Azure Blob context " + ContextRequest.maskUri(uri)
        + ": expected https://ACCOUNT.blob.core.windows.net/CONTAINER/BLOB");
  }

  /** The account's blob service endpoint, {@code https://HOST}. */
  String serviceEndpoint() {
    return "https://" + host;
  }

  @Override
  public String toString() {
    return "https://" + host + "/" + container + "/" + blob + (sas.isPresent() ? "?***" : "");
  }
}
