package dev.kaniko.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigTest {

  private static Path fixture() throws Exception {
    return Path.of(DockerConfigTest.class.getResource("/auth/config.json").toURI());
  }

  @Test
  void load_decodesAuthsUnderNormalizedRegistryKeys() throws Exception {
    DockerConfig config = DockerConfig.load(fixture());

    assertThat(config.auth("docker.io")).contains(new Credential("hubuser", "hub:pass"));
    assertThat(config.auth("localhost:5000")).contains(new Credential("local", "localpass"));
    assertThat(config.auth("registry.example.com")).contains(Credential.identityToken("refresh-token-value"));
    assertThat(config.auth("empty.example.com")).isEmpty();
    assertThat(config.auth("other.example.com")).isEmpty();
  }

  @Test
  void load_readsCredHelpersAndCredsStore() throws Exception {
    DockerConfig config = DockerConfig.load(fixture());

    assertThat(config.credHelper("gcr.io")).contains("gcr");
    assertThat(config.credHelper("123.dkr.ecr.us-east-1.amazonaws.com")).contains("ecr-login");
    assertThat(config.credHelper("docker.io")).isEmpty();
    assertThat(config.credsStore()).contains("desktop");
  }

  @Test
  void load_missingFileIsEmpty(@TempDir Path dir) throws Exception {
    DockerConfig config = DockerConfig.load(dir.resolve("config.json"));

    assertThat(config.auth("docker.io")).isEmpty();
    assertThat(config.credsStore()).isEmpty();
  }

  @Test
  void load_invalidJson_namesTheFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), "{\"auths\": ");

    assertThatThrownBy(() -> DockerConfig.load(file))
        .isInstanceOf(CredentialException.class)
        .hasMessageStartingWith("invalid docker config " + file + ": ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void load_badAuthField_namesTheKeyButNotTheValue(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"),
        "{\"auths\":{\"r.example.com\":{\"auth\":\"" + java.util.Base64.getEncoder().encodeToString(
            "no-colon-secret".getBytes()) + "\"}}}");

    assertThatThrownBy(() -> DockerConfig.load(file))
        .hasMessageContaining("'r.example.com'")
        .hasMessageNotContaining("no-colon-secret");
  }

  @Test
  void registryKey_stripsSchemeAndPathAndNormalizesDockerHub() {
    assertThat(DockerConfig.registryKey("https://index.docker.io/v1/")).isEqualTo("docker.io");
    assertThat(DockerConfig.registryKey("registry-1.docker.io")).isEqualTo("docker.io");
    assertThat(DockerConfig.registryKey("http://host:5000/v2/")).isEqualTo("host:5000");
    assertThat(DockerConfig.registryKey("quay.io")).isEqualTo("quay.io");
  }

  @Test
  void toString_neverPrintsSecrets() throws Exception {
    assertThat(DockerConfig.load(fixture()).toString())
        .doesNotContain("hub:pass", "localpass", "refresh-token-value", "aHVidXNlcjpodWI6cGFzcw==");
  }
}
