package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

  @Test
  void generate_makesACaAndALoopbackServerCertificateItSigned(@TempDir Path tmp) throws Exception {
    TestCertificates certs = TestCertificates.generate(tmp, "unit test CA");

    X509Certificate ca = read(certs.caCert());
    X509Certificate server = read(certs.serverCert());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getSubjectX500Principal().getName()).contains("unit test CA");
    server.verify(ca.getPublicKey());
    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(server.getSubjectAlternativeNames()).contains(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
    assertThat(certs.serverKey()).exists();
    assertThat(certs.sslContext()).isNotNull();
  }

  private static X509Certificate read(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
