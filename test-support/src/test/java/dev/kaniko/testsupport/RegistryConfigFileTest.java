package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigFileTest {

  @Test
  void plain_listensOnLoopbackWithoutTlsOrAuth(@TempDir Path tmp) throws Exception {
    String yaml = Files.readString(RegistryConfigFile.write(tmp.resolve("c.yml"), 5123, tmp.resolve("s"), null, null));

    assertThat(yaml).contains("addr: 127.0.0.1:5123", "rootdirectory: \"" + tmp.resolve("s") + "\"", "accesslog")
        .doesNotContain("tls:").doesNotContain("htpasswd");
  }

  @Test
  void secure_pointsAtCertificatesAndHtpasswd(@TempDir Path tmp) throws Exception {
    TestCertificates certs = new TestCertificates(tmp.resolve("ca.crt"), tmp.resolve("ca.key"),
        tmp.resolve("server.crt"), tmp.resolve("server.key"));
    String yaml = Files.readString(RegistryConfigFile.write(tmp.resolve("c.yml"), 5123, tmp.resolve("s"), certs,
        tmp.resolve("htpasswd")));

    assertThat(yaml).contains("certificate: \"" + tmp.resolve("server.crt") + "\"",
        "key: \"" + tmp.resolve("server.key") + "\"", "path: \"" + tmp.resolve("htpasswd") + "\"");
  }
}
