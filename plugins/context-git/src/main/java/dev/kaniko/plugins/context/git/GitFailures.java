package dev.kaniko.plugins.context.git;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Turns JGit failures into one-line {@link PluginException}s naming the masked location. The JGit
 * exception is not attached (it could carry a secret and belongs to the bundle's class loader);
 * its message is kept, secrets scrubbed.
 */
final class GitFailures {

  private final String display;
  private final Set<String> secrets;

  GitFailures(String display, Set<String> secrets) {
    this.display = display;
    this.secrets = secrets;
  }

  PluginException translate(Exception e) {
    if (e instanceof PluginException plugin) {
      return plugin;
    }
    String detail = scrub(deepestMessage(e));
    return new PluginException(reasonOf(e), "git context " + display + ": " + detail);
  }

  private static Reason reasonOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof NoRemoteRepositoryException || message.contains("not found")
          || message.contains("does not have") || message.contains("missing commit")) {
        return Reason.NOT_FOUND;
      }
      if (message.contains("not authorized") || message.contains("authentication")
          || message.contains("401") || message.contains("403")) {
        return Reason.UNAUTHORIZED;
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException || message.contains("connection")) {
        return Reason.UNAVAILABLE;
      }
    }
    return Reason.OTHER;
  }

  private static String deepestMessage(Throwable e) {
    String message = e.getClass().getSimpleName();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private String scrub(String message) {
    String clean = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        clean = clean.replace(secret, "***");
      }
    }
    return clean;
  }
}
