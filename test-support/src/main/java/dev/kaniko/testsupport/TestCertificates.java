package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate it signed (for 127.0.0.1 and localhost),
 * generated with the openssl CLI. All files are PEM.
 */
public record TestCertificates(Path caCert, Path caKey, Path serverCert, Path serverKey) {

  /** Generates a fresh CA (CN {@code commonName}) and a server certificate into {@code dir}. */
  public static TestCertificates generate(Path dir, String commonName) {
    return generate(dir, commonName, CommandRunner.create());
  }

  static TestCertificates generate(Path dir, String commonName, CommandRunner runner) {
    try {
      Files.createDirectories(dir);
      Path ext = dir.resolve("server-ext.cnf");
      Files.writeString(ext, String.join("\n",
          "subjectAltName=IP:127.0.0.1,DNS:localhost",
          "basicConstraints=critical,CA:FALSE",
          "keyUsage=critical,digitalSignature,keyEncipherment",
          "extendedKeyUsage=serverAuth", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestCertificates certs = new TestCertificates(dir.resolve("ca.crt"), dir.resolve("ca.key"),
        dir.resolve("server.crt"), dir.resolve("server.key"));
    runner.runChecked(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", certs.caKey.toString(), "-out", certs.caCert.toString(), "-days", "7",
        "-subj", "/CN=" + commonName,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
    Path csr = dir.resolve("server.csr");
    runner.runChecked(List.of("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", certs.serverKey.toString(), "-out", csr.toString(), "-subj", "/CN=127.0.0.1"));
    runner.runChecked(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", certs.caCert.toString(),
        "-CAkey", certs.caKey.toString(), "-CAcreateserial", "-out", certs.serverCert.toString(), "-days", "7",
        "-extfile", dir.resolve("server-ext.cnf").toString()));
    return certs;
  }

  /** An SSL context that trusts only this CA (for JDK HTTP clients in tests). */
  public SSLContext sslContext() {
    return sslContextTrusting(caCert);
  }

  /** An SSL context that trusts only the PEM CA certificate at {@code caPem}. */
  public static SSLContext sslContextTrusting(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load CA certificate " + caPem + ": " + e.getMessage(), e);
    }
  }
}
