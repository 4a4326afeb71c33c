package dev.kaniko.testsupport;

import java.util.Objects;
import java.util.Optional;
import java.nio.file.Path;

/**
 * How a client reaches one registry: host, whether TLS is verified, the CA to trust and credentials.
 * {@code toString()} never prints the password.
 */
public final class RegistryAccess {

  private final String host;
  private final boolean tls;
  private final Path caCert;
  private final String username;
  private final String password;

  public RegistryAccess(String host, boolean tls, Path caCert, String username, String password) {
    this.host = Objects.requireNonNull(host, "host");
    this.tls = tls;
    this.caCert = caCert;
    this.username = username;
    this.password = password;
  }

  /** Plain HTTP, no credentials. */
  public static RegistryAccess insecure(String host) {
    return new RegistryAccess(host, false, null, null, null);
  }

  public String host() {
    return host;
  }

  /** True when the registry speaks HTTPS and the certificate is verified. */
  public boolean tls() {
    return tls;
  }

  /** The PEM CA certificate to trust, if any (else the system trust store). */
  public Optional<Path> caCert() {
    return Optional.ofNullable(caCert);
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  public boolean hasCredentials() {
    return username != null && password != null;
  }

  public RegistryAccess withCredentials(String newUsername, String newPassword) {
    return new RegistryAccess(host, tls, caCert, newUsername, newPassword);
  }

  public RegistryAccess withPassword(String newPassword) {
    return new RegistryAccess(host, tls, caCert, username, newPassword);
  }

  public RegistryAccess anonymous() {
    return new RegistryAccess(host, tls, caCert, null, null);
  }

  /** The same access trusting another CA (null: system trust store only). */
  public RegistryAccess withCaCert(Path newCaCert) {
    return new RegistryAccess(host, tls, newCaCert, username, password);
  }

  @Override
  public String toString() {
    return "RegistryAccess{host=" + host + ", tls=" + tls + ", caCert=" + caCert + ", username=" + username
        + ", password=" + (password == null ? "none" : "****") + "}";
  }
}
