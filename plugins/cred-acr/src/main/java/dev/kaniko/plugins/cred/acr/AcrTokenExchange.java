package dev.kaniko.plugins.cred.acr;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACR's token exchange: {@code POST https://REGISTRY/oauth2/exchange} with {@code grant_type=access_token}, the
 * registry as {@code service}, the tenant and the Azure AD access token; the answer's {@code refresh_token} is the
 * registry password. {@code KANIKO_ACR_EXCHANGE_URL} replaces {@code https://REGISTRY} (tests, proxies).
 */
public final class AcrTokenExchange {

  /** ACR refresh tokens live three hours; used when the token carries no readable {@code exp}. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(3);

  private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

  private final String baseUrlOverride;
  private final HttpClient http;

  /** Creates the exchange; {@code env} may name {@code KANIKO_ACR_EXCHANGE_URL}. */
  public AcrTokenExchange(Map<String, String> env) {
    String override = env.get("KANIKO_ACR_EXCHANGE_URL");
    this.baseUrlOverride = override == null || override.isBlank() ? null : override.trim().replaceAll("/+$", "");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  }

  /** Exchanges {@code aadToken} for a refresh token of {@code registry}. */
  public AzureToken exchange(String registry, AzureToken aadToken, String tenant) throws PluginException {
    String host = registry.replaceFirst(":\\d+$", "");
    String form = "grant_type=access_token&service=" + encode(host)
        + (tenant == null || tenant.isBlank() ? "" : "&tenant=" + encode(tenant))
        + "&access_token=" + encode(aadToken.value());
    URI uri = URI.create((baseUrlOverride == null ? "https://" + registry : baseUrlOverride) + "/oauth2/exchange");
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    HttpResponse<String> response = send(request, registry);
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new PluginException(Reason.UNAUTHORIZED, "ACR " + registry + " refused to exchange the Azure AD token"
          + " (HTTP " + response.statusCode() + "); check that the identity has a role on the registry (e.g. AcrPush)");
    }
    if (response.statusCode() != 200) {
      throw new PluginException(response.statusCode() >= 500 ? Reason.UNAVAILABLE : Reason.OTHER,
          "ACR token exchange at " + registry + " failed with HTTP " + response.statusCode());
    }
    Matcher token = REFRESH_TOKEN.matcher(response.body());
    if (!token.find()) {
      throw new PluginException(Reason.OTHER, "ACR token exchange at " + registry + " returned no refresh_token");
    }
    return new AzureToken(token.group(1), expiry(token.group(1)));
  }

  private HttpResponse<String> send(HttpRequest request, String registry) throws PluginException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PluginException(Reason.UNAVAILABLE, "cannot reach ACR " + registry + " for the token exchange: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginException(Reason.UNAVAILABLE, "interrupted during the ACR token exchange at " + registry);
    }
  }

  /** The {@code exp} of a JWT refresh token, else now plus {@link #DEFAULT_LIFETIME}. */
  static Instant expiry(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length == 3) {
      try {
        Matcher exp = EXP.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        if (exp.find()) {
          return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
        }
      } catch (IllegalArgumentException e) {
        // not a JWT after all
      }
    }
    return Instant.now().plus(DEFAULT_LIFETIME);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "AcrTokenExchange{" + (baseUrlOverride == null ? "https://<registry>" : baseUrlOverride) + "}";
  }
}
