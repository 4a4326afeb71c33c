package dev.kaniko.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialTest {

  @Test
  void toString_redactsTheSecret() {
    Credential credential = new Credential("alice", "s3cr3t-value");

    assertThat(credential.toString()).contains("alice").doesNotContain("s3cr3t-value");
  }

  @Test
  void identityToken_usesDockersTokenUsername() {
    Credential token = Credential.identityToken("tok");

    assertThat(token.isIdentityToken()).isTrue();
    assertThat(token.username()).isEqualTo("<token>");
    assertThat(new Credential("bob", "pw").isIdentityToken()).isFalse();
  }
}
