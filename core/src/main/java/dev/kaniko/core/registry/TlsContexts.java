package dev.kaniko.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the SSLContext for one registry: the JVM's trusted CAs plus {@code --registry-certificate}s, a
 * {@code --registry-client-cert} key pair (PEM, PKCS#8 RSA or EC key), or trust-all for skip-verify.
 */
final class TlsContexts {

  private TlsContexts() {}

  static SSLContext create(String registry, TransportSettings settings) throws RegistryException {
    try {
      TrustManager[] trust = settings.skipTlsVerify() ? new TrustManager[] {new TrustAll()}
          : trustManagers(settings.caCertificates());
      KeyManager[] keys = settings.clientCertificate() == null ? null : keyManagers(settings.clientCertificate());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new RegistryException(RegistryException.Kind.OTHER,
          "cannot set up TLS for registry " + registry + ": " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(List<Path> extraCas) throws IOException, GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (extraCas.isEmpty()) {
      factory.init((KeyStore) null);
      return factory.getTrustManagers();
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int n = 0;
    for (X509Certificate ca : systemCas()) {
      store.setCertificateEntry("system-" + n++, ca);
    }
    for (Path file : extraCas) {
      for (Certificate ca : readCertificates(file)) {
        store.setCertificateEntry("registry-" + n++, ca);
      }
    }
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static List<X509Certificate> systemCas() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    List<X509Certificate> cas = new ArrayList<>();
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        cas.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return cas;
  }

  private static Collection<? extends Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + file);
      }
      return certs;
    }
  }

  private static KeyManager[] keyManagers(RegistryOptions.ClientCertificate client)
      throws IOException, GeneralSecurityException {
    Certificate[] chain = readCertificates(client.certificate()).toArray(new Certificate[0]);
    PrivateKey key = readKey(client.key());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = new char[0];
    store.setKeyEntry("client", key, password, chain);
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException("client key " + file + " must be an unencrypted PKCS#8 PEM key"
          + " (BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
    }
    String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"))
        .replaceAll("\\s", "");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new GeneralSecurityException("client key " + file + " is not an RSA, EC or Ed25519 key", last);
  }

  /** Accepts every certificate: only for --skip-tls-verify*. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
