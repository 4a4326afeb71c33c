package dev.kaniko.core.registry;

import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.registry.RegistryException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Runs jib calls and turns their exceptions into one-line {@link RegistryException}s naming registry and image. */
final class JibErrors {

  /** A call into jib's registry client. */
  @FunctionalInterface
  interface JibCall<T> {
    T call() throws IOException, com.google.cloud.tools.jib.api.RegistryException;
  }

  private final ImageReference image;

  JibErrors(ImageReference image) {
    this.image = image;
  }

  <T> T call(String action, JibCall<T> call) throws RegistryException {
    try {
      return call.call();
    } catch (RegistryUnauthorizedException e) {
      throw new RegistryException(Kind.UNAUTHORIZED, "unauthorized: cannot " + action + " " + image
          + "; check the credentials for registry " + image.registry(), e);
    } catch (RegistryCredentialsNotSentException e) {
      throw new RegistryException(Kind.UNAUTHORIZED, "unauthorized: cannot " + action + " " + image
          + "; credentials for " + image.registry() + " are not sent over plain HTTP unless it is"
          + " --insecure-registry", e);
    } catch (com.google.cloud.tools.jib.api.RegistryException e) {
      if (e.getClass().getSimpleName().equals("UnexpectedBlobDigestException")) {
        throw new RegistryException(Kind.DIGEST_MISMATCH, "cannot " + action + " " + image + ": " + firstLine(e), e);
      }
      throw translate(action, e);
    } catch (ResponseException e) {
      throw fromStatus(action, e.getStatusCode(), e);
    } catch (SSLException e) {
      throw tlsFailure(action, firstLine(e), e);
    } catch (ConnectException | UnknownHostException | NoRouteToHostException | SocketTimeoutException e) {
      throw new RegistryException(Kind.UNAVAILABLE, "cannot " + action + " " + image + ": registry "
          + image.registry() + " is unreachable (" + firstLine(e) + ")", e);
    } catch (IOException e) {
      if (digestMismatch(e)) {
        throw new RegistryException(Kind.DIGEST_MISMATCH, "cannot " + action + " " + image
            + ": the registry served content that does not match its digest; refusing it", e);
      }
      throw new RegistryException(Kind.UNAVAILABLE, "cannot " + action + " " + image + ": I/O error talking to "
          + image.registry() + " (" + firstLine(e) + ")", e);
    }
  }

  private RegistryException translate(String action, com.google.cloud.tools.jib.api.RegistryException e) {
    if (String.valueOf(e.getMessage()).contains("HTTP request to an HTTPS server")) {
      // TLS failed, jib fell back to plain HTTP (allowed for loopback/--insecure) and the TLS port refused it
      return tlsFailure(action, "the server's certificate is not trusted or the handshake failed", e);
    }
    String detail = firstLine(e);
    String lower = detail.toLowerCase(Locale.ROOT);
    if (e.getCause() instanceof ResponseException response && !lower.contains("unknown")) {
      return fromStatus(action, response.getStatusCode(), e);
    }
    Kind kind = Kind.OTHER;
    if (lower.contains("manifest unknown") || lower.contains("manifest_unknown") || lower.contains("name unknown")
        || lower.contains("name_unknown") || lower.contains("blob unknown") || lower.contains("blob_unknown")
        || lower.contains("not found")) {
      kind = Kind.NOT_FOUND;
    } else if (lower.contains("immutable") || lower.contains("tag_invalid") && lower.contains("exist")) {
      kind = Kind.IMMUTABLE_TAG;
    } else if (lower.contains("denied") || lower.contains("unauthorized")) {
      kind = Kind.UNAUTHORIZED;
    }
    return new RegistryException(kind, "cannot " + action + " " + image + ": " + reason(detail), e);
  }

  private RegistryException fromStatus(String action, int status, Exception cause) {
    String prefix = "cannot " + action + " " + image + ": ";
    return switch (status) {
      case 401, 403 -> new RegistryException(Kind.UNAUTHORIZED, "unauthorized: " + prefix + "registry "
          + image.registry() + " answered " + status + "; check the credentials", cause);
      case 404 -> new RegistryException(Kind.NOT_FOUND, prefix + "not found (404) in registry " + image.registry(), cause);
      default -> new RegistryException(status >= 500 || status == 429 ? Kind.UNAVAILABLE : Kind.OTHER,
          prefix + "registry " + image.registry() + " answered HTTP " + status, cause);
    };
  }

  private RegistryException tlsFailure(String action, String why, Exception cause) {
    return new RegistryException(Kind.UNAVAILABLE, "cannot " + action + " " + image + ": TLS with registry "
        + image.registry() + " failed (" + why + "); see --registry-certificate and --skip-tls-verify*", cause);
  }

  private static boolean digestMismatch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("UnexpectedBlobDigestException")) {
        return true;
      }
    }
    return false;
  }

  /** jib says "Tried to X but failed because: Y"; keep Y. */
  private static String reason(String detail) {
    int because = detail.indexOf("because: ");
    return because >= 0 ? detail.substring(because + 9) : detail;
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).trim();
  }
}
