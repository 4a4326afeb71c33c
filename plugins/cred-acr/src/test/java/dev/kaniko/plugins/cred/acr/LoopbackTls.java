package dev.kaniko.plugins.cred.acr;

import dev.kaniko.testsupport.CommandRunner;
import dev.kaniko.testsupport.TestCertificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * One test CA per JVM: the loopback Azure servers present its certificate (127.0.0.1) and the JVM's default
 * SSL context trusts it, as azure-identity only talks HTTPS to an authority host.
 */
final class LoopbackTls {

  private static LoopbackTls instance;

  private final SSLContext server;

  private LoopbackTls(SSLContext server) {
    this.server = server;
  }

  static synchronized LoopbackTls get() throws Exception {
    if (instance == null) {
      Path dir = Files.createTempDirectory("kaniko-acr-tls");
      TestCertificates certificates = TestCertificates.generate(dir, "kaniko fake Azure CA");
      Path p12 = dir.resolve("server.p12");
      CommandRunner.create().runChecked(List.of("openssl", "pkcs12", "-export", "-in",
          certificates.serverCert().toString(), "-inkey", certificates.serverKey().toString(), "-out", p12.toString(),
          "-passout", "pass:changeit"));
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(p12)) {
        store.load(in, "changeit".toCharArray());
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, "changeit".toCharArray());
      SSLContext server = SSLContext.getInstance("TLS");
      server.init(keys.getKeyManagers(), null, null);
      SSLContext.setDefault(certificates.sslContext());
      instance = new LoopbackTls(server);
    }
    return instance;
  }

  SSLContext serverContext() {
    return server;
  }
}
