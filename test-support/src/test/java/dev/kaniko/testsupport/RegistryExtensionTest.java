package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryExtensionTest {

  @Test
  void accessors_beforeStart_failWithAHint() {
    RegistryExtension registry = RegistryExtension.plain();

    assertThatThrownBy(registry::host).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not been started").hasMessageContaining("@RegisterExtension");
    assertThat(registry.isRunning()).isFalse();
    assertThat(registry.toString()).contains("not started");
  }

  @Test
  void credentials_ofAnAnonymousRegistry_fail() {
    RegistryExtension registry = RegistryExtension.plain();

    assertThatThrownBy(registry::password).hasMessageContaining("anonymous");
    assertThat(registry.requiresAuth()).isFalse();
  }

  @Test
  void toString_ofAnAuthRegistry_hidesThePassword() {
    RegistryExtension registry = RegistryExtension.tlsWithAuth("user", "hunter2");

    assertThat(registry.toString()).contains("user").doesNotContain("hunter2");
    assertThat(registry.isTls()).isTrue();
    assertThat(registry.requiresAuth()).isTrue();
  }

  @Test
  void tlsWithAuth_generatesADifferentPasswordEachTime() {
    assertThat(RegistryExtension.tlsWithAuth().password()).isNotEqualTo(RegistryExtension.tlsWithAuth().password());
  }

  @Test
  void stopAndClose_beforeStart_areHarmless() {
    RegistryExtension registry = RegistryExtension.plain();
    registry.stop();
    registry.close();
    assertThat(registry.isRunning()).isFalse();
  }
}
