package dev.kaniko.plugins.context.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the sync {@link S3Client} (URLConnection transport) for {@link S3Settings}. */
final class S3Clients {

  /** The region used when none is configured anywhere (cross-region access then finds the bucket's). */
  static final Region FALLBACK_REGION = Region.US_EAST_1;

  private S3Clients() {}

  static S3Client create(S3Settings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(credentials(settings))
        .forcePathStyle(settings.forcePathStyle());
    if (settings.endpoint().isPresent()) {
      // S3-compatible stores (S3Proxy, older MinIO, Ceph) reject the flexible-checksum headers the SDK sends by
      // default since 2.30 with 501 NotImplemented: only send and check checksums where the operation needs them.
      builder.endpointOverride(settings.endpoint().get())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    if (settings.region().isPresent()) {
      builder.region(Region.of(settings.region().get()));
    } else {
      builder.region(chainRegion());
      builder.crossRegionAccessEnabled(settings.endpoint().isEmpty());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    if (settings.accessKeyId().isEmpty()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String id = settings.accessKeyId().get();
    String secret = settings.secretAccessKey().orElseThrow();
    AwsCredentials credentials = settings.sessionToken().isPresent()
        ? AwsSessionCredentials.create(id, secret, settings.sessionToken().get())
        : AwsBasicCredentials.create(id, secret);
    return StaticCredentialsProvider.create(credentials);
  }

  private static Region chainRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      return FALLBACK_REGION;
    }
  }
}
