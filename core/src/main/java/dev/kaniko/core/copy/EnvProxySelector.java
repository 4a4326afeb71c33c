package dev.kaniko.core.copy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proxies from {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY} (upper or lower
 * case, as curl and Go read them): {@code http://host:port}, no credentials; {@code NO_PROXY}
 * holds host names or domain suffixes ({@code .example.com}, {@code *} for all).
 */
final class EnvProxySelector extends ProxySelector {
  private final Optional<InetSocketAddress> http;
  private final Optional<InetSocketAddress> https;
  private final List<String> noProxy;

  private EnvProxySelector(Optional<InetSocketAddress> http, Optional<InetSocketAddress> https,
      List<String> noProxy) {
    this.http = http;
    this.https = https;
    this.noProxy = noProxy;
  }

  /** The selector for {@code env}; a proxy URL with credentials is refused (not supported yet). */
  static EnvProxySelector of(Map<String, String> env) {
    List<String> noProxy = new ArrayList<>();
    for (String entry : get(env, "NO_PROXY").orElse("").split(",")) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (!e.isEmpty()) {
        noProxy.add(e);
      }
    }
    return new EnvProxySelector(address(get(env, "HTTP_PROXY"), "HTTP_PROXY"),
        address(get(env, "HTTPS_PROXY"), "HTTPS_PROXY"), List.copyOf(noProxy));
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      value = env.get(name.toLowerCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<InetSocketAddress> address(Optional<String> value, String name) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().contains("://") ? value.get() : "http://" + value.get();
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a valid proxy URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(name + ": proxy credentials are not supported yet");
    }
    if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(name + " must be an http://host:port proxy URL");
    }
    return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(),
        uri.getPort() < 0 ? 80 : uri.getPort()));
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    Optional<InetSocketAddress> proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (proxy.isEmpty() || bypassed(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
  }

  private boolean bypassed(String host) {
    for (String entry : noProxy) {
      String domain = entry.startsWith("*.") ? entry.substring(1) : entry;
      if (domain.equals("*") || host.equals(domain.startsWith(".") ? domain.substring(1) : domain)
          || host.endsWith(domain.startsWith(".") ? domain : "." + domain)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // nothing to remember: one attempt per download
  }
}
