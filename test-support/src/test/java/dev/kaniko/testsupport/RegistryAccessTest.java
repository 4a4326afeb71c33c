package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RegistryAccessTest {

  private final RegistryAccess secure = new RegistryAccess("127.0.0.1:5000", true, Path.of("/ca.crt"), "u", "hunter2");

  @Test
  void toString_masksThePassword() {
    assertThat(secure.toString()).contains("127.0.0.1:5000", "u", "****").doesNotContain("hunter2");
  }

  @Test
  void withers_changeOnlyTheirPart() {
    assertThat(secure.withPassword("x").password()).hasValue("x");
    assertThat(secure.withPassword("x").username()).hasValue("u");
    assertThat(secure.anonymous().hasCredentials()).isFalse();
    assertThat(secure.anonymous().caCert()).hasValue(Path.of("/ca.crt"));
    assertThat(secure.withCaCert(null).caCert()).isEmpty();
    assertThat(secure.withCaCert(null).tls()).isTrue();
  }

  @Test
  void insecure_isPlainHttpWithoutCredentials() {
    RegistryAccess plain = RegistryAccess.insecure("127.0.0.1:1");

    assertThat(plain.tls()).isFalse();
    assertThat(plain.hasCredentials()).isFalse();
    assertThat(plain.caCert()).isEmpty();
  }
}
