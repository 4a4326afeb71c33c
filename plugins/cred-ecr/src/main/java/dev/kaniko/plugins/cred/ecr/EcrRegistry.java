package dev.kaniko.plugins.cred.ecr;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECR registry name: {@code ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com[.cn]} (private) or
 * {@code public.ecr.aws} (ECR Public, served from us-east-1).
 *
 * @param host the registry as asked for (host and optional port)
 * @param accountId the 12-digit account, empty for ECR Public
 * @param region the AWS region of the token API
 * @param isPublic whether this is ECR Public
 */
public record EcrRegistry(String host, String accountId, String region, boolean isPublic) {

  private static final Pattern PRIVATE = Pattern.compile(
      "(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?(?::\\d+)?");
  private static final Pattern PUBLIC = Pattern.compile("public\\.ecr\\.aws(?::\\d+)?");

  /** The ECR registry {@code registry} names, or empty when it is not an ECR registry. */
  public static Optional<EcrRegistry> parse(String registry) {
    String host = registry.toLowerCase(java.util.Locale.ROOT);
    if (PUBLIC.matcher(host).matches()) {
      return Optional.of(new EcrRegistry(registry, "", "us-east-1", true));
    }
    Matcher m = PRIVATE.matcher(host);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new EcrRegistry(registry, m.group(1), m.group(2), false));
  }
}
