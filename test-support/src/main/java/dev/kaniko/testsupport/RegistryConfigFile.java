package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Writes the docker-registry (distribution 2.x) YAML config for one test registry. */
final class RegistryConfigFile {

  private RegistryConfigFile() {}

  static Path write(Path file, int port, Path storage, TestCertificates tls, Path htpasswd) {
    return write(file, port, storage, tls, htpasswd, null);
  }

  static Path write(Path file, int port, Path storage, TestCertificates tls, Path htpasswd, TokenServer token) {
    StringBuilder yaml = new StringBuilder()
        .append("version: 0.1\n")
        .append("log:\n  level: info\n  formatter: text\n  accesslog:\n    disabled: false\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ").append(quote(storage)).append('\n')
        .append("  delete:\n    enabled: true\n")
        .append("  maintenance:\n    uploadpurging:\n      enabled: false\n")
        .append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
        .append("  secret: ").append(UUID.randomUUID()).append('\n')
        .append("  headers:\n    X-Content-Type-Options: [nosniff]\n");
    if (tls != null) {
      yaml.append("  tls:\n    certificate: ").append(quote(tls.serverCert())).append('\n')
          .append("    key: ").append(quote(tls.serverKey())).append('\n');
    }
    if (htpasswd != null) {
      yaml.append("auth:\n  htpasswd:\n    realm: kaniko-test-registry\n    path: ")
          .append(quote(htpasswd)).append('\n');
    }
    if (token != null) {
      yaml.append("auth:\n  token:\n    realm: \"").append(token.realm()).append("\"\n")
          .append("    service: \"").append(token.service()).append("\"\n")
          .append("    issuer: \"").append(token.issuer()).append("\"\n")
          .append("    rootcertbundle: ").append(quote(token.rootCertBundle())).append('\n');
    }
    yaml.append("health:\n  storagedriver:\n    enabled: false\n");
    try {
      Files.writeString(file, yaml.toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(Path path) {
    return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
