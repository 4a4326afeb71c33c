package dev.kaniko.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretSpecTest {
  @Test
  void parse_fileAndEnvForms() {
    assertThat(SecretSpec.parse("id=npm,src=/run/npmrc"))
        .isEqualTo(new SecretSpec("npm", Optional.of(Path.of("/run/npmrc")), Optional.empty()));
    assertThat(SecretSpec.parse("id=tok,source=f,type=file").file()).contains(Path.of("f"));
    assertThat(SecretSpec.parse("id=tok,env=TOKEN"))
        .isEqualTo(new SecretSpec("tok", Optional.empty(), Optional.of("TOKEN")));
    assertThat(SecretSpec.parse("id=TOKEN,type=env").env()).contains("TOKEN");
  }

  @Test
  void parse_badInput_oneLineErrors() {
    assertThatThrownBy(() -> SecretSpec.parse("src=/x"))
        .hasMessage("--secret: id is required (id=ID,src=PATH or id=ID,env=VAR)");
    assertThatThrownBy(() -> SecretSpec.parse("id=a")).hasMessage("--secret a: give src=PATH or env=VAR");
    assertThatThrownBy(() -> SecretSpec.parse("id=a,src=/x,env=Y"))
        .hasMessage("--secret a: give src=PATH or env=VAR, not both");
    assertThatThrownBy(() -> SecretSpec.parse("id=a,value=s3cr3t"))
        .hasMessage("--secret: unknown key 'value' (id, src, env, type)");
    assertThatThrownBy(() -> SecretSpec.parse("id=a,type=ssh,src=x"))
        .hasMessage("--secret: type must be file or env, not 'ssh'");
    assertThatThrownBy(() -> SecretSpec.parse("novalue")).hasMessage("--secret: expected key=value, got 'novalue'");
  }

  @Test
  void toString_namesSourcesOnly() {
    assertThat(SecretSpec.parse("id=tok,env=TOKEN").toString()).contains("tok", "TOKEN");
  }
}
