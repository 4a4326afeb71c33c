package dev.kaniko.plugins.cred.ecr;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecrpublic.EcrPublicClient;

/**
 * GetAuthorizationToken through the AWS SDK (ECR, or ECR Public for {@code public.ecr.aws}). Credentials:
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}[/{@code AWS_SESSION_TOKEN}] from the build
 * environment, else the SDK's default chain (profile, web identity / IRSA, container and instance
 * metadata). {@code AWS_ENDPOINT_URL_ECR} / {@code AWS_ENDPOINT_URL_ECR_PUBLIC} / {@code AWS_ENDPOINT_URL}
 * override the endpoint.
 */
final class SdkEcrTokenService implements EcrTokenService {

  private static final Set<String> DENIED = Set.of("AccessDeniedException", "UnrecognizedClientException",
      "InvalidSignatureException", "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch",
      "MissingAuthenticationTokenException", "NotAuthorized");

  private final Map<String, String> env;

  SdkEcrTokenService(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public EcrToken fetch(EcrRegistry registry) throws PluginException {
    try {
      AuthorizationToken token = registry.isPublic() ? fetchPublic() : fetchPrivate(registry);
      return decode(token, registry);
    } catch (AwsServiceException e) {
      throw serviceFailure(e, registry);
    } catch (SdkClientException e) {
      throw clientFailure(e, registry);
    }
  }

  private record AuthorizationToken(String encoded, Instant expiresAt) {}

  private AuthorizationToken fetchPrivate(EcrRegistry registry) {
    var builder = EcrClient.builder()
        .region(Region.of(registry.region()))
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create());
    endpoint("AWS_ENDPOINT_URL_ECR").ifPresent(builder::endpointOverride);
    try (EcrClient client = builder.build()) {
      AuthorizationData data = client.getAuthorizationToken(r -> r.registryIds(registry.accountId()))
          .authorizationData().stream().findFirst()
          .orElseThrow(() -> SdkClientException.create("the response holds no authorization data"));
      return new AuthorizationToken(data.authorizationToken(), data.expiresAt());
    }
  }

  private AuthorizationToken fetchPublic() {
    var builder = EcrPublicClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create());
    endpoint("AWS_ENDPOINT_URL_ECR_PUBLIC").ifPresent(builder::endpointOverride);
    try (EcrPublicClient client = builder.build()) {
      var data = client.getAuthorizationToken(r -> { }).authorizationData();
      if (data == null) {
        throw SdkClientException.create("the response holds no authorization data");
      }
      return new AuthorizationToken(data.authorizationToken(), data.expiresAt());
    }
  }

  private Optional<URI> endpoint(String serviceVariable) {
    String value = env.getOrDefault(serviceVariable, env.get("AWS_ENDPOINT_URL"));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.trim()));
  }

  private AwsCredentialsProvider credentials() {
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (keyId == null || keyId.isBlank() || secret == null || secret.isBlank()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String session = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(session == null || session.isBlank()
        ? AwsBasicCredentials.create(keyId, secret)
        : AwsSessionCredentials.create(keyId, secret, session));
  }

  private static EcrToken decode(AuthorizationToken token, EcrRegistry registry) throws PluginException {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(token.encoded() == null ? "" : token.encoded()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = "";
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || token.expiresAt() == null) {
      throw new PluginException(Reason.OTHER,
          "ECR returned a malformed authorization token for " + registry.host());
    }
    return new EcrToken(decoded.substring(0, colon), decoded.substring(colon + 1), token.expiresAt());
  }

  private static PluginException serviceFailure(AwsServiceException e, EcrRegistry registry) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    boolean denied = (code != null && DENIED.contains(code)) || e.statusCode() == 401 || e.statusCode() == 403;
    String what = (code == null ? "HTTP " + e.statusCode() : code) + (message == null ? "" : ": " + firstLine(message));
    return denied
        ? new PluginException(Reason.UNAUTHORIZED, "AWS denied an ECR authorization token for " + registry.host()
            + " (" + what + "); check the AWS credentials and their ecr:GetAuthorizationToken permission")
        : new PluginException(e.statusCode() >= 500 ? Reason.UNAVAILABLE : Reason.OTHER,
            "ECR GetAuthorizationToken for " + registry.host() + " failed (" + what + ")");
  }

  private static PluginException clientFailure(SdkClientException e, EcrRegistry registry) {
    String message = firstLine(String.valueOf(e.getMessage()));
    if (message.contains("Unable to load credentials")) {
      return new PluginException(Reason.UNAUTHORIZED, "no AWS credentials for ECR registry " + registry.host()
          + ": set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a web identity / instance role");
    }
    return new PluginException(Reason.UNAVAILABLE,
        "cannot get an ECR authorization token for " + registry.host() + ": " + message);
  }

  private static String firstLine(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("").replaceAll(
        "(?i)(Credential=)[^,\\s]+", "$1<redacted>");
  }
}
