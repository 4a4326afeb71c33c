package dev.kaniko.plugins.context.s3;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Maps AWS SDK failures to one-line {@link PluginException}s naming the (masked) location. */
final class S3Errors {

  private S3Errors() {}

  static PluginException fromService(S3Exception e, String location) {
    int status = e.statusCode();
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String detail = " (HTTP " + status + (code == null || code.isEmpty() ? "" : " " + code) + ")";
    if (status == 404 || "NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) {
      String what = "NoSuchBucket".equals(code) ? "bucket does not exist" : "object does not exist";
      return new PluginException(Reason.NOT_FOUND, "S3 context " + location + ": " + what + detail, e);
    }
    if (status == 401 || status == 403) {
      return new PluginException(Reason.UNAUTHORIZED,
          "S3 context " + location + ": access denied, check the AWS credentials" + detail, e);
    }
    if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
      return new PluginException(Reason.INVALID_CONFIGURATION,
          "S3 context " + location + ": wrong region or endpoint, set AWS_REGION or S3_ENDPOINT" + detail, e);
    }
    Reason reason = status >= 500 ? Reason.UNAVAILABLE : Reason.OTHER;
    return new PluginException(reason, "S3 context " + location + ": request failed" + detail, e);
  }

  static PluginException fromClient(SdkClientException e, String location) {
    String message = firstLine(e.getMessage());
    if (message.contains("credentials")) {
      return new PluginException(Reason.UNAUTHORIZED, "S3 context " + location
          + ": no AWS credentials found (environment, profile, web identity or instance role)", e);
    }
    return new PluginException(Reason.UNAVAILABLE, "S3 context " + location + ": cannot reach S3: " + message, e);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
