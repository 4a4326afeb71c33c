package dev.kaniko.plugins.context.git;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code git://[user[:password]@]host[:port]/path.git[#fragment]} context: fetched over
 * https (kaniko's rule; {@code GIT_PULL_METHOD=http} for plain http), credentials taken out of the URL.
 *
 * @param url the repository URL to fetch, without user-info or fragment
 * @param fragment what follows {@code #} ("" for none): a ref ({@code refs/heads/x}), a commit or a name
 * @param urlCredentials credentials found in the URL's user-info
 */
record GitLocation(String url, String fragment, Optional<GitCredentials> urlCredentials) {

  static final String PREFIX = "git://";
  static final String PULL_METHOD_ENV = "GIT_PULL_METHOD";

  /** The URL scheme for a {@code GIT_PULL_METHOD} value. */
  static String scheme(String pullMethod) throws PluginException {
    String lower = pullMethod.isBlank() ? "https" : pullMethod.strip().toLowerCase(Locale.ROOT);
    if (!lower.equals("https") && !lower.equals("http")) {
      throw new PluginException(Reason.INVALID_CONFIGURATION,
          PULL_METHOD_ENV + " must be https or http, not " + pullMethod);
    }
    return lower;
  }

  static GitLocation parse(String uri, String scheme, String displayUri) throws PluginException {
    if (!uri.startsWith(PREFIX)) {
      throw new PluginException(Reason.INVALID_CONFIGURATION, "not a git context: " + displayUri);
    }
    String rest = uri.substring(PREFIX.length());
    int hash = rest.indexOf('#');
    String fragment = hash < 0 ? "" : rest.substring(hash + 1);
    String address = hash < 0 ? rest : rest.substring(0, hash);
    int slash = address.indexOf('/');
    String authority = slash < 0 ? address : address.substring(0, slash);
    String path = slash < 0 ? "" : address.substring(slash);
    int at = authority.lastIndexOf('@');
    String host = authority.substring(at + 1);
    if (host.isEmpty() || path.length() <= 1) {
      throw new PluginException(Reason.INVALID_CONFIGURATION,
          "git context " + displayUri + " must look like git://host/owner/repo.git[#ref]");
    }
    Optional<GitCredentials> credentials = at < 0 ? Optional.empty() : Optional.of(userInfo(authority.substring(0, at)));
    return new GitLocation(scheme + "://" + host + path, fragment, credentials);
  }

  private static GitCredentials userInfo(String userInfo) {
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String password = colon < 0 ? "" : userInfo.substring(colon + 1);
    return new GitCredentials(decode(user), decode(password));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "GitLocation[url=" + url + ", fragment=" + fragment + "]";
  }
}
