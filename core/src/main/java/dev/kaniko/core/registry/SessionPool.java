package dev.kaniko.core.registry;

import com.google.cloud.tools.jib.api.LogEvent;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.ImageReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Authenticated sessions reused per repository, direction and mount source (jib's client is thread-safe). */
final class SessionPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);

  private final RegistryOptions options;
  private final CredentialSource credentials;
  private final Map<String, RegistrySession> sessions = new ConcurrentHashMap<>();

  SessionPool(RegistryOptions options, CredentialSource credentials) {
    this.options = options;
    this.credentials = credentials;
  }

  RegistrySession get(ImageReference image, RegistryOptions.Direction direction) throws RegistryException {
    return get(image, direction, null);
  }

  synchronized RegistrySession get(ImageReference image, RegistryOptions.Direction direction, String mountFrom)
      throws RegistryException {
    String key = direction + " " + image.name() + " " + mountFrom;
    RegistrySession session = sessions.get(key);
    if (session == null) {
      session = RegistrySession.open(image, direction, mountFrom, options, credentials, JIB_LOG);
      sessions.put(key, session);
    }
    return session;
  }

  /** Drops a session (after a failure that may have left it unauthenticated). */
  synchronized void forget(ImageReference image) {
    sessions.entrySet().removeIf(entry -> {
      boolean drop = entry.getKey().contains(" " + image.name() + " ");
      if (drop) {
        entry.getValue().close();
      }
      return drop;
    });
  }

  /** Closes every session's connections. */
  @Override
  public synchronized void close() {
    sessions.values().forEach(RegistrySession::close);
    sessions.clear();
  }

  private static final Consumer<LogEvent> JIB_LOG = event -> {
    switch (event.getLevel()) {
      case ERROR, WARN -> LOG.debug("jib: {}", event.getMessage());
      default -> LOG.trace("jib: {}", event.getMessage());
    }
  };
}
