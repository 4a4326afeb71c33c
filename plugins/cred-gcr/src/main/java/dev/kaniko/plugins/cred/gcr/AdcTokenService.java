package dev.kaniko.plugins.cred.gcr;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens from Application Default Credentials: the JSON file named by {@code GOOGLE_APPLICATION_CREDENTIALS}
 * in the build environment (service account, external account / workload identity federation, authorized user),
 * else the library's own lookup (gcloud's well-known file, then the GCE / GKE metadata server, whose address
 * {@code GCE_METADATA_HOST} the library reads from the process environment).
 */
final class AdcTokenService implements GoogleTokenService {

  static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  private static final Pattern OAUTH_ERROR =
      Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"(?:.*?\"error_description\"\\s*:\\s*\"([^\"]*)\")?", Pattern.DOTALL);

  private final Map<String, String> env;
  private GoogleCredentials credentials;

  AdcTokenService(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public synchronized GoogleToken fetch() throws PluginException {
    GoogleCredentials adc = credentials();
    try {
      adc.refresh();
    } catch (IOException e) {
      throw refreshFailure(e);
    }
    AccessToken token = adc.getAccessToken();
    if (token == null || token.getTokenValue() == null) {
      throw new PluginException(Reason.OTHER, "Google Application Default Credentials returned no access token");
    }
    Instant expiry = token.getExpirationTime() == null
        ? Instant.now().plus(Duration.ofMinutes(30)) : token.getExpirationTime().toInstant();
    return new GoogleToken(token.getTokenValue(), expiry);
  }

  private GoogleCredentials credentials() throws PluginException {
    if (credentials == null) {
      GoogleCredentials loaded = load();
      credentials = loaded.createScopedRequired() ? loaded.createScoped(List.of(SCOPE)) : loaded;
    }
    return credentials;
  }

  private GoogleCredentials load() throws PluginException {
    String file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
    try {
      if (file != null && !file.isBlank()) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
          return GoogleCredentials.fromStream(in);
        }
      }
      return GoogleCredentials.getApplicationDefault();
    } catch (NoSuchFileException e) {
      throw new PluginException(Reason.INVALID_CONFIGURATION,
          "GOOGLE_APPLICATION_CREDENTIALS names a missing file: " + file);
    } catch (IOException e) {
      throw new PluginException(Reason.UNAUTHORIZED, "no usable Google Application Default Credentials"
          + (file == null ? "" : " in " + file) + ": " + firstLine(e.getMessage()));
    }
  }

  private static PluginException refreshFailure(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ConnectException || root instanceof UnknownHostException
        || root instanceof SocketTimeoutException) {
      return new PluginException(Reason.UNAVAILABLE,
          "cannot reach Google's token endpoint: " + firstLine(String.valueOf(root.getMessage())));
    }
    String message = String.valueOf(e.getMessage());
    Matcher error = OAUTH_ERROR.matcher(message);
    if (error.find()) {
      return new PluginException(Reason.UNAUTHORIZED, "Google denied an access token (" + error.group(1)
          + (error.group(2) == null ? "" : ": " + error.group(2)) + "); check the Application Default Credentials");
    }
    return new PluginException(Reason.UNAVAILABLE, "cannot get a Google access token: " + firstLine(message));
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }
}
