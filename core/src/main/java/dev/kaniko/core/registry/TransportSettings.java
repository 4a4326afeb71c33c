package dev.kaniko.core.registry;

import java.nio.file.Path;
import java.util.List;

/**
 * How to reach one registry: plain HTTP allowed, TLS verification skipped, extra CA certificates, a client
 * certificate for mTLS.
 */
public record TransportSettings(boolean insecure, boolean skipTlsVerify, List<Path> caCertificates,
    RegistryOptions.ClientCertificate clientCertificate) {

  /** Copies the list. */
  public TransportSettings {
    caCertificates = List.copyOf(caCertificates);
  }
}
