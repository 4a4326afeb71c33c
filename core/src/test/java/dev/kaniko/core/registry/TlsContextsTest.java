package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.testsupport.TestCertificates;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mTLS and CA handling against a real JDK TLS server that requires a client certificate. */
class TlsContextsTest {

  @TempDir Path dir;

  private TestCertificates server;
  private Path clientCert;
  private Path clientKey;

  @BeforeEach
  void certificates() throws Exception {
    server = TestCertificates.generate(dir.resolve("server"), "kaniko test CA");
    clientCert = dir.resolve("client.crt");
    clientKey = dir.resolve("client.key");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
        clientKey.toString(), "-out", clientCert.toString(), "-days", "1", "-subj", "/CN=kaniko-client")
        .redirectErrorStream(true).start();
    openssl.getInputStream().readAllBytes();
    assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("openssl").isTrue();
  }

  @Test
  void clientCertificate_isPresentedToAServerRequiringIt() throws Exception {
    TransportSettings settings = new TransportSettings(false, false, List.of(server.caCert()),
        new RegistryOptions.ClientCertificate(clientCert, clientKey));

    assertThat(handshake(TlsContexts.create("127.0.0.1", settings))).isEqualTo("CN=kaniko-client");
  }

  @Test
  void withoutClientCertificate_theServerRefuses() throws Exception {
    TransportSettings settings = new TransportSettings(false, false, List.of(server.caCert()), null);

    assertThatThrownBy(() -> handshake(TlsContexts.create("127.0.0.1", settings)))
        .isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
        .hasMessageContaining("bad_certificate");
  }

  @Test
  void withoutTheCa_theServerIsNotTrusted_unlessVerificationIsSkipped() throws Exception {
    RegistryOptions.ClientCertificate client = new RegistryOptions.ClientCertificate(clientCert, clientKey);

    assertThatThrownBy(() -> handshake(TlsContexts.create("127.0.0.1",
        new TransportSettings(false, false, List.of(), client))))
        .isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
        .hasMessageContaining("PKIX path building failed");
    assertThat(handshake(TlsContexts.create("127.0.0.1", new TransportSettings(false, true, List.of(), client))))
        .isEqualTo("CN=kaniko-client");
  }

  @Test
  void readKey_acceptsPkcs8RsaAndEc_rejectsPkcs1WithAHint() throws Exception {
    assertThat(TlsContexts.readKey(clientKey).getAlgorithm()).isEqualTo("RSA");
    assertThat(TlsContexts.readKey(server.serverKey()).getAlgorithm()).isEqualTo("EC");
    Path pkcs1 = Files.writeString(dir.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsContexts.readKey(pkcs1))
        .hasMessageContaining("must be an unencrypted PKCS#8 PEM key")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void create_missingCaFile_isAOneLineErrorNamingTheRegistry() {
    TransportSettings settings = new TransportSettings(false, false, List.of(dir.resolve("absent.crt")), null);

    assertThatThrownBy(() -> TlsContexts.create("reg.example.com", settings))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("cannot set up TLS for registry reg.example.com: ")
        .hasMessageContaining("absent.crt");
  }

  /** Runs one TLS handshake against a server requiring client auth; returns the client principal it saw. */
  private String handshake(SSLContext client) throws Exception {
    SSLContext serverContext = serverContext();
    try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setNeedClientAuth(true);
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket accepted = (SSLSocket) listener.accept()) {
          accepted.startHandshake();
          String principal = accepted.getSession().getPeerPrincipal().getName();
          accepted.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
          accepted.getOutputStream().flush();
          return principal;
        } catch (Exception e) {
          return "refused: " + e;
        }
      });
      try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        byte[] reply = socket.getInputStream().readNBytes(2);
        if (!new String(reply, StandardCharsets.US_ASCII).equals("ok")) {
          throw new IllegalStateException("server closed the connection: " + seen.get(10, TimeUnit.SECONDS));
        }
      }
      return seen.get(10, TimeUnit.SECONDS);
    }
  }

  private SSLContext serverContext() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    try (InputStream cert = Files.newInputStream(server.serverCert())) {
      keys.setKeyEntry("server", TlsContexts.readKey(server.serverKey()), new char[0],
          new java.security.cert.Certificate[] {x509.generateCertificate(cert)});
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream cert = Files.newInputStream(clientCert)) {
      trust.setCertificateEntry("client", x509.generateCertificate(cert));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }
}
