package dev.kaniko.core.registry;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * Creates jib's {@link FailoverHttpClient} with our own TLS (extra CAs, mTLS, skip-verify) and with jib's
 * internal retry off (our {@code Retry} governs). jib 0.27.3 only takes custom transports through a
 * package-private constructor, reached here by reflection; the jib version is pinned in the parent pom.
 */
final class JibHttpClients {

  private static final Constructor<FailoverHttpClient> CONSTRUCTOR = constructor();

  private JibHttpClients() {}

  static FailoverHttpClient create(String registry, TransportSettings settings, Consumer<LogEvent> log)
      throws RegistryException {
    SSLContext context = TlsContexts.create(registry, settings);
    // jib's "insecure" transport is tried after a TLS failure when failover is on; it verifies like the
    // secure one unless --skip-tls-verify*, so only plain HTTP (the next step) is gained by --insecure.
    HttpTransport shared = transport(context, settings.skipTlsVerify());
    Supplier<HttpTransport> transport = () -> shared;
    boolean failover = settings.insecure();
    try {
      return CONSTRUCTOR.newInstance(failover, settings.insecure(), log, transport, transport, false);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot create jib-core's FailoverHttpClient", e);
    }
  }

  /** One pooled, thread-safe transport per session; jib asks for a transport per request. */
  private static HttpTransport transport(SSLContext context, boolean skipHostnameCheck) {
    HttpClientBuilder builder = ApacheHttpTransport.newDefaultHttpClientBuilder();
    builder.setSSLSocketFactory(new SSLConnectionSocketFactory(context,
        skipHostnameCheck ? NoopHostnameVerifier.INSTANCE : new DefaultHostnameVerifier()));
    return new ApacheHttpTransport(builder.build());
  }

  @SuppressWarnings("unchecked")
  private static Constructor<FailoverHttpClient> constructor() {
    try {
      Constructor<FailoverHttpClient> c = FailoverHttpClient.class.getDeclaredConstructor(
          boolean.class, boolean.class, Consumer.class, Supplier.class, Supplier.class, boolean.class);
      c.setAccessible(true);
      return c;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("jib-core's FailoverHttpClient changed; core.registry needs jib-core 0.27.3", e);
    }
  }
}
